#include "ui/shell/feel_keys.h"

#include "ui/dialogs/settings_window.h"
#include "ui/dialogs/shortcut_overlay.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>

namespace knotmap::ui {
namespace {

void showView(BodyMapState& map, BodyMapMode mode) {
    if (map.mode != mode) {
        map.mode = mode;
        map.view = {}; // the other layout has its own fit, as with the toolbar
    }
}

} // namespace

void handleFeelKeys(FeelState& feel, BodyMapState& map) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool dialogOpen =
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (io.WantTextInput || dialogOpen || feel.settingsOpen || feel.shortcutsOpen || io.KeyAlt ||
        io.KeySuper) {
        return;
    }
    if (io.KeyCtrl) {
        if (!io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_COMMA, false)) {
            feel.settingsOpen = true;
        }
        return;
    }
    // Typed characters, so the keyboard layout decides (as with the pain digits).
    for (const ImWchar typed : io.InputQueueCharacters) {
        switch (typed) {
        case '?':
            feel.shortcutsOpen = true;
            break;
        case 'f':
        case 'F':
            showView(map, BodyMapMode::Front);
            break;
        case 'b':
        case 'B':
            showView(map, BodyMapMode::Back);
            break;
        case 's':
        case 'S':
            showView(map, BodyMapMode::SideBySide);
            break;
        default:
            break;
        }
    }
}

void drawFeelMenuItems(FeelState& feel) {
    // Appended to the View menu, below its toggles (ImGui merges menus by name).
    if (!ImGui::BeginMenu("View")) {
        return;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Settings\u2026", "Ctrl+,")) {
        feel.settingsOpen = true;
    }
    if (ImGui::MenuItem("Keyboard shortcuts", "?")) {
        feel.shortcutsOpen = true;
    }
    ImGui::EndMenu();
}

void drawSampleBanner(FeelState& feel, const Appearance& look) {
    if (!feel.showingSample) {
        return;
    }
    const ColourPair& tint = look.colours().notice;
    const ImVec2 padding(look.px(10), look.px(3));
    const char* label = "Sample data \u2014 your own database is untouched";
    const ImVec2 size = ImGui::CalcTextSize(label);
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(topLeft.x, topLeft.y + look.px(3)),
        ImVec2(topLeft.x + size.x + padding.x * 2, topLeft.y + height - look.px(3)),
        ImGui::GetColorU32(tint.background), look.px(6));
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y));
    ImGui::AlignTextToFramePadding();
    textColoured(label, tint.text);
    ImGui::SameLine(0, padding.x + look.px(8));
    // The menu bar's buttons are flat; this one must look pressable.
    const ImVec4 accent = look.colours().accent;
    ImGui::PushStyleColor(ImGuiCol_Button, accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImVec4(accent.x * 0.9f, accent.y * 0.9f, accent.z * 0.9f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, look.colours().onAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, look.px(6));
    if (ImGui::SmallButton("Back to my database")) {
        feel.backToOwnDatabase = true;
    }
    feel.backButtonRect = std::pair(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
}

void drawFeelWindows(Settings& settings, FeelState& feel, ThemeKind& theme, BodyMapState& map,
                     const Appearance& look) {
    drawSettingsWindow(settings, feel, theme, map, look);
    drawShortcutOverlay(feel, look);
}

} // namespace knotmap::ui
