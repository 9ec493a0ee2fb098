#include "ui/widgets/segmented_control.h"

#include <string>

namespace knotmap::ui {

bool segmentedControl(std::string_view id, std::span<const Segment> segments, int& selected,
                      const Appearance& look) {
    if (segments.empty()) {
        return false;
    }
    const Palette& colours = look.colours();
    const float height = ImGui::GetFrameHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    const float inset = look.px(3);
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + height);
    const float rounding = ImGui::GetStyle().FrameRounding;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    // One track behind all segments; the selected one is a raised "thumb" on it.
    drawList->AddRectFilled(topLeft, bottomRight, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);

    const float segmentWidth = width / static_cast<float>(segments.size());
    bool changed = false;
    ImGui::PushID(id.data(), id.data() + id.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto index = static_cast<int>(i);
        const ImVec2 segmentMin(topLeft.x + segmentWidth * static_cast<float>(i), topLeft.y);
        const ImVec2 segmentMax(segmentMin.x + segmentWidth, bottomRight.y);
        ImGui::SetCursorScreenPos(segmentMin);
        ImGui::PushID(index);
        if (ImGui::InvisibleButton("##segment", ImVec2(segmentWidth, height)) &&
            selected != index) {
            selected = index;
            changed = true;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        if (hovered && !segments[i].tooltip.empty()) {
            ImGui::SetTooltip("%.*s", static_cast<int>(segments[i].tooltip.size()),
                              segments[i].tooltip.data());
        }
        const ImVec2 thumbMin(segmentMin.x + inset, segmentMin.y + inset);
        const ImVec2 thumbMax(segmentMax.x - inset, segmentMax.y - inset);
        const bool isSelected = selected == index;
        if (isSelected) {
            drawList->AddRectFilled(thumbMin, thumbMax, ImGui::GetColorU32(colours.accent),
                                    rounding - inset * 0.5f);
        } else if (hovered) {
            drawList->AddRectFilled(thumbMin, thumbMax, ImGui::GetColorU32(ImGuiCol_ButtonHovered),
                                    rounding - inset * 0.5f);
        }
        const std::string_view label = segments[i].label;
        const ImVec2 textSize = ImGui::CalcTextSize(label.data(), label.data() + label.size());
        const ImVec2 textAt(segmentMin.x + (segmentWidth - textSize.x) / 2,
                            segmentMin.y + (height - textSize.y) / 2);
        drawList->PushClipRect(thumbMin, thumbMax, true);
        drawList->AddText(textAt, ImGui::GetColorU32(isSelected ? colours.onAccent : colours.text),
                          label.data(), label.data() + label.size());
        drawList->PopClipRect();
    }
    ImGui::PopID();
    // Leave the cursor below the control, as a single item would.
    ImGui::SetCursorScreenPos(topLeft);
    ImGui::Dummy(ImVec2(width, height));
    return changed;
}

} // namespace knotmap::ui
