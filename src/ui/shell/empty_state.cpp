#include "ui/shell/empty_state.h"

#include "ui/widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace knotmap::ui {
namespace {

// A tall, full-width button: the welcome's two choices.
bool bigButton(const char* label, bool primary, float width, const Appearance& look) {
    const Palette& colours = look.colours();
    int pushed = 0;
    if (primary) {
        const ImVec4 accent = colours.accent;
        ImGui::PushStyleColor(ImGuiCol_Button, accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              ImVec4(accent.x * 0.9f, accent.y * 0.9f, accent.z * 0.9f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                              ImVec4(accent.x * 0.8f, accent.y * 0.8f, accent.z * 0.8f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, colours.onAccent);
        pushed = 4;
    }
    ImGui::PushFont(look.fonts.strong);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, look.px(8));
    const bool pressed = ImGui::Button(label, ImVec2(width, look.px(48)));
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::PopStyleColor(pushed);
    return pressed;
}

// Wraps at the welcome's own width (set by drawEmptyState).
void wrapped(const std::string& text, const ImVec4& colour) {
    textColoured(text, colour);
}

void welcome(const std::string& databasePath, EmptyStateState& state, float width,
             const Appearance& look) {
    const Palette& colours = look.colours();
    textWithFont("Welcome to Knotmap", look.fonts.heading);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    wrapped("Chart where your muscles knot up, how much they hurt and what helps, "
            "so you can see it getting better.",
            colours.text);
    ImGui::Dummy(ImVec2(0, look.px(14)));

    const bool loading = state.sampleProgress.has_value();
    ImGui::BeginDisabled(loading);
    if (bigButton("Log your first knot", true, width, look)) {
        state.dismissed = true;
    }
    ImGui::PushFont(look.fonts.small);
    wrapped("Saved in " + databasePath, colours.textMuted);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, look.px(12)));
    if (bigButton("Load sample data", false, width, look)) {
        state.sampleRequested = true;
        state.sampleError.clear();
    }
    state.sampleButtonRect = std::pair(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::EndDisabled();
    ImGui::PushFont(look.fonts.small);
    wrapped("Three made-up clients with four months of check-ins and visits, in a separate "
            "file. Your own database stays untouched.",
            colours.textMuted);
    ImGui::PopFont();

    if (loading) {
        ImGui::Dummy(ImVec2(0, look.px(8)));
        const int percent = static_cast<int>(std::lround(*state.sampleProgress * 100));
        const std::string caption = "Writing sample data\u2026 " + std::to_string(percent) + "%";
        ImGui::ProgressBar(static_cast<float>(*state.sampleProgress), ImVec2(width, 0),
                           caption.c_str());
    }
    if (!state.sampleError.empty()) {
        ImGui::Dummy(ImVec2(0, look.px(8)));
        wrapped("The sample data could not be written: " + state.sampleError, colours.error.text);
    }
}

void firstKnotHint(EmptyStateState& state, const Appearance& look) {
    textWithFont("Click where it hurts", look.fonts.heading);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    wrapped("Click the spot on the body map. Knotmap logs a knot there for \u201CMe\u201D; "
            "press 0-9 to rate the pain.",
            look.colours().text);
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::PushFont(look.fonts.small);
    wrapped("Press ? for all keyboard shortcuts.", look.colours().textMuted);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, look.px(10)));
    if (ImGui::Button("Back to the welcome")) {
        state.dismissed = false;
    }
}

} // namespace

void drawEmptyState(const std::string& databasePath, EmptyStateState& state,
                    const Appearance& look) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, look.px(440));
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2;
    ImGui::Dummy(ImVec2(0, std::max(look.px(24), ImGui::GetContentRegionAvail().y * 0.2f)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (state.dismissed) {
        firstKnotHint(state, look);
    } else {
        welcome(databasePath, state, width, look);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace knotmap::ui
