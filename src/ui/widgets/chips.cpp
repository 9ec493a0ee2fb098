#include "ui/widgets/chips.h"

#include <string>

namespace knotmap::ui {
namespace {

struct ChipMetrics {
    float height;
    float paddingX;
};

ChipMetrics metrics(const Appearance& look) {
    return {ImGui::GetTextLineHeight() + look.px(10), look.px(11)};
}

// Draws one chip where the flow puts it and reports a click; trailing is an
// optional mark after the label (the remove cross).
bool drawChip(ChipFlow& flow, std::string_view id, std::string_view label, bool selected,
              std::string_view trailing, const Appearance& look) {
    const Palette& colours = look.colours();
    const ChipMetrics m = metrics(look);
    const float dot = selected ? look.px(6) : 0.0f;
    const float dotGap = selected ? look.px(7) : 0.0f;
    const float labelWidth = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    const float trailingWidth =
        trailing.empty()
            ? 0.0f
            : ImGui::CalcTextSize(trailing.data(), trailing.data() + trailing.size()).x +
                  look.px(8);
    const float width = m.paddingX * 2 + dot + dotGap + labelWidth + trailingWidth;
    flow.place(width);

    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##chip", ImVec2(width, m.height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + m.height);
    const float rounding = m.height / 2;
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    ImU32 text = ImGui::GetColorU32(colours.text);
    if (selected) {
        fill = ImGui::GetColorU32(colours.selection.background);
        text = ImGui::GetColorU32(colours.selection.text);
    }
    drawList->AddRectFilled(topLeft, bottomRight, fill, rounding);
    if (hovered || held) {
        drawList->AddRectFilled(
            topLeft, bottomRight,
            ImGui::GetColorU32(held ? ImGuiCol_ButtonActive : ImGuiCol_ButtonHovered), rounding);
    }
    if (selected) {
        drawList->AddRect(topLeft, bottomRight, ImGui::GetColorU32(colours.accent), rounding, 0,
                          look.px(1.25f));
    }
    float x = topLeft.x + m.paddingX;
    const float centreY = topLeft.y + m.height / 2;
    if (selected) {
        drawList->AddCircleFilled(ImVec2(x + dot / 2, centreY), dot / 2,
                                  ImGui::GetColorU32(colours.accent));
        x += dot + dotGap;
    }
    const float textY = centreY - ImGui::GetTextLineHeight() / 2;
    drawList->AddText(ImVec2(x, textY), text, label.data(), label.data() + label.size());
    if (!trailing.empty()) {
        x += labelWidth + look.px(8);
        const ImVec4 mark = hovered ? colours.text : colours.textMuted;
        drawList->AddText(ImVec2(x, textY), ImGui::GetColorU32(mark), trailing.data(),
                          trailing.data() + trailing.size());
    }
    return clicked;
}

} // namespace

ChipFlow::ChipFlow() : m_left(ImGui::GetCursorPosX()) {}

void ChipFlow::place(float width) {
    if (m_first) {
        m_first = false;
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.6f;
    ImGui::SameLine(0, spacing);
    if (ImGui::GetContentRegionAvail().x < width) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(m_left);
    }
}

// Chips use the small face: a vocabulary of a dozen entries then fits in a
// few lines beside the map.
bool toggleChip(ChipFlow& flow, std::string_view id, std::string_view label, bool selected,
                const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    const bool clicked = drawChip(flow, id, label, selected, {}, look);
    ImGui::PopFont();
    return clicked;
}

bool removableChip(ChipFlow& flow, std::string_view id, std::string_view label,
                   const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    const bool clicked = drawChip(flow, id, label, false, "\u00D7", look);
    ImGui::PopFont();
    return clicked;
}

} // namespace knotmap::ui
