#include "ui/empty_state.h"

#include "ui/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace knotmap::ui {
namespace {

// Single quotes keep the path one shell word; a quote inside is closed,
// escaped and reopened.
std::string shellQuote(const std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("/._-+").find(c) != std::string_view::npos;
    });
    if (plain && !text.empty()) {
        return text;
    }
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace

void drawEmptyState(const std::string& databasePath, EmptyStateState& state,
                    const Appearance& look) {
    const Palette& colours = look.colours();
    state.command = "knotmap demo --db " + shellQuote(databasePath);
    const float width = std::min(ImGui::GetContentRegionAvail().x, look.px(560));
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2;
    ImGui::Dummy(ImVec2(0, std::max(look.px(24), ImGui::GetContentRegionAvail().y * 0.22f)));

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    textWithFont("Nothing logged yet", look.fonts.heading);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    textColoured("Click the spot on the body map where it hurts to log your first knot. "
                 "Knotmap keeps it under \u201CMe\u201D.",
                 colours.text);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    textMuted("To look around with a believable sample history, run this in a terminal, "
              "then start Knotmap again:",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(4)));

    // The command in a quiet box, selectable as text.
    ImGui::PushStyleColor(ImGuiCol_FrameBg, colours.paneBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(12), look.px(10)));
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("##command", &state.command,
                     ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, look.px(2)));
    if (primaryButton("Copy command", look)) {
        ImGui::SetClipboardText(state.command.c_str());
        state.copied = true;
    }
    if (state.copied) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        textMuted("Copied", look);
    }
    ImGui::EndGroup();
}

} // namespace knotmap::ui
