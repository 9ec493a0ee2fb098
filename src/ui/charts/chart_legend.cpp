#include "ui/charts/chart_legend.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

float swatchWidth(const Appearance& look) {
    return look.px(18);
}

float rowHeight(const Appearance& look) {
    return ImGui::GetTextLineHeight() + look.px(6);
}

void drawSwatch(ImDrawList* drawList, ImVec2 topLeft, const LegendEntry& entry, ImU32 colour,
                const ChartColours& colours, const Appearance& look) {
    const float midY = topLeft.y + rowHeight(look) / 2;
    const ImVec2 left(topLeft.x, midY);
    const ImVec2 right(topLeft.x + swatchWidth(look), midY);
    if (entry.dashed) {
        const ImVec2 points[] = {left, right};
        drawDashedPolyline(drawList, points, 2, colour, look.px(1.5f), look.px(5), look.px(3));
    } else if (entry.line) {
        drawList->AddLine(left, right, colour, look.px(2));
    }
    if (entry.points && !entry.dashed) {
        const ImVec2 centre((left.x + right.x) / 2, midY);
        drawList->AddCircleFilled(centre, look.px(4.5f), colours.background);
        drawList->AddCircleFilled(centre, look.px(3), colour);
    }
}

} // namespace

LegendLayout layoutLegend(const std::vector<LegendEntry>& entries, ImVec2 start, float right,
                          const Appearance& look) {
    LegendLayout layout;
    const float spacing = look.px(16);
    ImVec2 cursor = start;
    for (const LegendEntry& entry : entries) {
        const float width =
            swatchWidth(look) + look.px(6) + ImGui::CalcTextSize(entry.name.c_str()).x;
        if (cursor.x + width > right && cursor.x > start.x) {
            cursor = ImVec2(start.x, cursor.y + rowHeight(look));
        }
        layout.positions.push_back(cursor);
        layout.widths.push_back(width);
        cursor.x += width + spacing;
    }
    layout.height = entries.empty() ? 0.0f : cursor.y - start.y + rowHeight(look);
    return layout;
}

std::optional<std::size_t> drawLegend(const std::vector<LegendEntry>& entries,
                                      const LegendLayout& layout, const ChartColours& colours,
                                      const Appearance& look) {
    std::optional<std::size_t> clicked;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LegendEntry& entry = entries[i];
        const ImVec2 topLeft = layout.positions[i];
        ImGui::SetCursorScreenPos(topLeft);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("legend", ImVec2(layout.widths[i], rowHeight(look)))) {
            clicked = i;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            drawList->AddRectFilled(
                topLeft, ImVec2(topLeft.x + layout.widths[i], topLeft.y + rowHeight(look)),
                ImGui::GetColorU32(ImGuiCol_HeaderHovered), look.px(4));
            ImGui::SetTooltip(entry.hidden ? "Click to show" : "Click to hide");
        }
        const ImU32 colour = entry.hidden ? colours.hidden : toU32(entry.colour);
        drawSwatch(drawList, topLeft, entry, colour, colours, look);
        const float textX = topLeft.x + swatchWidth(look) + look.px(6);
        const float textY = topLeft.y + (rowHeight(look) - ImGui::GetTextLineHeight()) / 2;
        drawList->AddText(ImVec2(textX, textY), entry.hidden ? colours.hidden : colours.text,
                          entry.name.c_str());
        if (entry.hidden) {
            // Struck through as well as faded, so "off" does not rely on contrast alone.
            const float width = ImGui::CalcTextSize(entry.name.c_str()).x;
            const float y = textY + ImGui::GetTextLineHeight() * 0.55f;
            drawList->AddLine(ImVec2(textX, y), ImVec2(textX + width, y), colours.hidden,
                              look.px(1));
        }
    }
    return clicked;
}

} // namespace knotmap::ui
