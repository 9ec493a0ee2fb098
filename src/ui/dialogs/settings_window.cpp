#include "ui/dialogs/settings_window.h"

#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>

namespace knotmap::ui {
namespace {

// Steps rather than a slider: each step rebuilds the fonts, and the window
// must not grow under the pointer while it drags.
constexpr std::array kFontSteps{90, 100, 110, 125, 150};

constexpr std::array<Segment, kFontSteps.size()> kFontSegments{{
    {"90%", "Smaller"},
    {"100%", "The standard size"},
    {"110%", ""},
    {"125%", ""},
    {"150%", "Largest"},
}};

// A labelled row: the label above, a muted explanation, then the control.
void rowHeading(const char* label, const char* explanation, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont(label, look.fonts.strong);
    ImGui::PushTextWrapPos(0.0f);
    textMuted(explanation, look);
    ImGui::PopTextWrapPos();
}

int nearestFontStep(int percent) {
    const auto nearest = std::min_element(kFontSteps.begin(), kFontSteps.end(), [&](int a, int b) {
        return std::abs(a - percent) < std::abs(b - percent);
    });
    return static_cast<int>(std::distance(kFontSteps.begin(), nearest));
}

} // namespace

ThemeKind themeKind(ThemeSetting theme) {
    return theme == ThemeSetting::Dark ? ThemeKind::Dark : ThemeKind::Light;
}

void drawSettingsWindow(Settings& settings, FeelState& feel, ThemeKind& theme, BodyMapState& map,
                        const Appearance& look) {
    const char* popupId = "Settings##knotmap";
    if (!feel.settingsOpen) {
        return;
    }
    if (!ImGui::IsPopupOpen(popupId)) {
        ImGui::OpenPopup(popupId);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(look.px(480), viewport->WorkSize.x - look.px(48));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(24), look.px(22)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(look.px(10), look.px(8)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    const bool open = ImGui::BeginPopupModal(popupId, nullptr, flags);
    ImGui::PopStyleVar(2);
    if (!open) {
        feel.settingsOpen = false;
        return;
    }
    textWithFont("Settings", look.fonts.heading);
    textMuted("Changes apply at once and are kept for next time.", look);

    rowHeading("Theme", "Dark is easier on the eyes in a dim room.", look);
    constexpr std::array<Segment, 2> kThemes{{{"Light", ""}, {"Dark", ""}}};
    int themeIndex = settings.theme == ThemeSetting::Dark ? 1 : 0;
    if (segmentedControl("settings-theme", kThemes, themeIndex, look)) {
        settings.theme = themeIndex == 1 ? ThemeSetting::Dark : ThemeSetting::Light;
        theme = themeKind(settings.theme);
        feel.settingsChanged = true;
    }

    rowHeading("Text size", "Scales the text and everything around it.", look);
    int fontIndex = nearestFontStep(settings.fontScalePercent);
    if (segmentedControl("settings-font", kFontSegments, fontIndex, look)) {
        settings.fontScalePercent = kFontSteps[static_cast<std::size_t>(fontIndex)];
        feel.settingsChanged = true;
    }

    rowHeading("Body map opens on", "The view the map shows when Knotmap starts.", look);
    constexpr std::array<Segment, 3> kViews{{{"Front", ""}, {"Back", ""}, {"Side by side", ""}}};
    int viewIndex = static_cast<int>(settings.defaultView);
    if (segmentedControl("settings-view", kViews, viewIndex, look)) {
        settings.defaultView = static_cast<BodyMapMode>(viewIndex);
        map.mode = settings.defaultView; // show what was chosen
        map.view = {};
        feel.settingsChanged = true;
    }

    ImGui::Dummy(ImVec2(0, look.px(4)));
    if (ImGui::Checkbox("Therapist mode", &settings.therapistMode)) {
        feel.settingsChanged = true;
    }
    ImGui::PushTextWrapPos(0.0f);
    textMuted("Always show the client list, for working with several clients.", look);
    ImGui::PopTextWrapPos();

    ImGui::Dummy(ImVec2(0, look.px(10)));
    const bool escape = !ImGui::GetIO().WantTextInput &&
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (primaryButton("Done", look) || escape) {
        feel.settingsOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
