#include "ui/charts/bar_chart.h"

#include "ui/charts/chart_glyphs.h"
#include "ui/charts/chart_style.h"

#include <algorithm>
#include <cmath>

namespace knotmap::ui {
namespace {

struct RowGeometry {
    float top = 0.0f;
    float height = 0.0f;
    [[nodiscard]] float centre() const { return top + height / 2; }
};

bool isImprovement(double value, bool lowerIsBetter) {
    return lowerIsBetter ? value < 0.0 : value > 0.0;
}

void showRowTooltip(const BarRow& row, const BarChartInput& input, const Appearance& look) {
    ImGui::BeginTooltip();
    ImGui::PushFont(look.fonts.strong);
    ImGui::TextUnformatted(row.label.c_str());
    ImGui::PopFont();
    ImGui::Text("%s: %s", input.valueName.c_str(), formatChartValue(row.value).c_str());
    ImGui::Text("95%% CI: %s to %s", formatChartValue(row.ciLow).c_str(),
                formatChartValue(row.ciHigh).c_str());
    ImGui::Text("n = %d", row.count);
    if (row.muted) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
        ImGui::TextUnformatted("Too few to draw conclusions");
        ImGui::PopStyleColor();
    }
    ImGui::EndTooltip();
}

void drawRow(ImDrawList* drawList, const BarRow& row, const RowGeometry& geometry,
             const LinearScale& x, const BarChartInput& input, const ChartColours& colours,
             const Appearance& look) {
    const float centre = geometry.centre();
    const float half = std::min(geometry.height * 0.3f, look.px(9));
    const auto zero = static_cast<float>(x.forward(0.0));
    const auto end = static_cast<float>(x.forward(row.value));
    ImU32 fill =
        isImprovement(row.value, input.lowerIsBetter) ? colours.improvement : colours.worsening;
    if (row.muted) {
        fill = colours.hidden;
    }
    if (row.value != 0.0) {
        drawList->AddRectFilled(ImVec2(std::min(zero, end), centre - half),
                                ImVec2(std::max(zero, end), centre + half), fill, look.px(2));
    }
    // The interval sits on top of the bar so its reach reads against the fill.
    // An interval wider than the axis (a kind tried only a few times) is cut
    // at the plot's edge and ends in an arrow there instead of a cap.
    const Interval pixels = x.range();
    const auto left = static_cast<float>(std::min(pixels.lo, pixels.hi));
    const auto right = static_cast<float>(std::max(pixels.lo, pixels.hi));
    const auto rawLow = static_cast<float>(x.forward(std::min(row.ciLow, row.ciHigh)));
    const auto rawHigh = static_cast<float>(x.forward(std::max(row.ciLow, row.ciHigh)));
    const float low = std::clamp(rawLow, left, right);
    const float high = std::clamp(rawHigh, left, right);
    const ImU32 whisker = row.muted ? colours.hidden : colours.whisker;
    const float cap = half * 0.7f;
    const float thickness = look.px(1.5f);
    drawList->AddLine(ImVec2(low, centre), ImVec2(high, centre), whisker, thickness);
    const auto endMark = [&](float at, bool clipped, float outward) {
        if (clipped) {
            drawList->AddTriangleFilled(ImVec2(at + outward * cap, centre),
                                        ImVec2(at, centre - cap * 0.8f),
                                        ImVec2(at, centre + cap * 0.8f), whisker);
        } else {
            drawList->AddLine(ImVec2(at, centre - cap), ImVec2(at, centre + cap), whisker,
                              thickness);
        }
    };
    endMark(low + (rawLow < left ? cap : 0.0f), rawLow < left, -1.0f);
    endMark(high - (rawHigh > right ? cap : 0.0f), rawHigh > right, 1.0f);
    drawList->AddCircleFilled(ImVec2(end, centre), look.px(2.5f), whisker);
}

std::string countText(const BarRow& row) {
    return " (" + std::to_string(row.count) + ")";
}

float glyphRadius(const Appearance& look) {
    return look.px(5);
}

// The room a kind's glyph takes before its label: the glyph and a gap.
float glyphWidth(const BarRow& row, const Appearance& look) {
    return row.kindCode.empty() ? 0.0f : glyphRadius(look) * 2 + look.px(6);
}

float labelColumnWidth(const BarChartInput& input, float totalWidth, const Appearance& look) {
    if (!input.showRowLabels) {
        return look.px(8);
    }
    float widest = 0.0f;
    for (const BarRow& row : input.rows) {
        const std::string text = input.showCounts ? row.label + countText(row) : row.label;
        widest = std::max(widest, glyphWidth(row, look) + ImGui::CalcTextSize(text.c_str()).x);
    }
    // Long names are elided rather than squeezing the bars.
    return std::min(widest, totalWidth * 0.4f) + look.px(12);
}

// The kind's glyph (with its halo, as in the chart keys), the row's name,
// elided to fit, and its n in muted text so sparse rows are recognisable
// without hovering. A muted row's glyph keeps its colour: it names the kind,
// it is not the data.
void drawRowLabel(ImDrawList* drawList, const BarRow& row, ImVec2 at, float width,
                  const BarChartInput& input, const ChartColours& colours, const Appearance& look) {
    if (!row.kindCode.empty()) {
        const float radius = glyphRadius(look);
        const TreatmentMarkerStyle style = treatmentMarkerStyle(look.colours(), row.kindCode);
        drawGlyphWithHalo(drawList, ImVec2(at.x + radius, at.y + ImGui::GetTextLineHeight() * 0.5f),
                          radius, style.glyph, toU32(style.colour), colours.background);
        at.x += glyphWidth(row, look);
        width -= glyphWidth(row, look);
    }
    const std::string count = input.showCounts ? countText(row) : std::string();
    const float countWidth = ImGui::CalcTextSize(count.c_str()).x;
    const std::string label = elideRight(row.label, std::max(width - countWidth, 0.0f));
    drawList->AddText(at, row.muted ? colours.textMuted : colours.text, label.c_str());
    if (!count.empty()) {
        drawList->AddText(ImVec2(at.x + ImGui::CalcTextSize(label.c_str()).x, at.y),
                          colours.textMuted, count.c_str());
    }
}

// Grid lines and tick labels; labels stay within [chartLeft, chartRight] so
// they never spill into a chart drawn alongside.
void drawValueAxis(ImDrawList* drawList, const LinearScale& x, float top, float bottom,
                   float chartLeft, float chartRight, const ChartColours& colours,
                   const Appearance& look) {
    const Interval domain = x.domain();
    const Interval range = x.range();
    const float lineHeight = ImGui::GetTextLineHeight();
    const int maxTicks = std::max(2, static_cast<int>((range.hi - range.lo) / (lineHeight * 3.5f)));
    for (const double tick : niceTicks(domain.lo, domain.hi, maxTicks)) {
        const auto at = static_cast<float>(x.forward(tick));
        drawList->AddLine(ImVec2(at, top), ImVec2(at, bottom), colours.grid, look.px(1));
        const std::string label = formatChartValue(tick);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        const float left = std::max(chartLeft, std::min(at - width / 2, chartRight - width));
        drawList->AddText(ImVec2(left, bottom + look.px(4)), colours.textMuted, label.c_str());
    }
    const auto zero = static_cast<float>(x.forward(0.0));
    drawList->AddLine(ImVec2(zero, top), ImVec2(zero, bottom), colours.axis, look.px(1.5f));
}

} // namespace

Interval barRange(const std::vector<BarRow>& rows) {
    Interval range{0.0, 0.0};
    for (const BarRow& row : rows) {
        for (const double value : {row.value, row.ciLow, row.ciHigh}) {
            if (std::isfinite(value)) {
                range.lo = std::min(range.lo, value);
                range.hi = std::max(range.hi, value);
            }
        }
    }
    return range;
}

Interval sharedBarRange(const std::vector<BarRow>& first, const std::vector<BarRow>& second) {
    const Interval a = barRange(first);
    const Interval b = barRange(second);
    return niceDomain(std::min(a.lo, b.lo), std::max(a.hi, b.hi), 6);
}

std::optional<std::size_t> barChart(const char* id, const BarChartInput& input, ImVec2 size,
                                    const Appearance& look) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x > 0.0f ? size.x : available.x, look.px(140));
    size.y = std::max(size.y > 0.0f ? size.y : available.y, look.px(80));
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ChartColours colours = chartColours(look);
    const float lineHeight = ImGui::GetTextLineHeight();

    ImGui::PushFont(look.fonts.strong);
    drawList->AddText(origin, colours.text, input.title.c_str());
    ImGui::PopFont();
    const float rowsTop = origin.y + lineHeight + look.px(8);
    if (input.rows.empty()) {
        drawList->AddText(ImVec2(origin.x, rowsTop), colours.textMuted, input.emptyMessage.c_str());
        ImGui::Dummy(size);
        return std::nullopt;
    }

    const float axisHeight = lineHeight + look.px(8);
    const float rowsSpace = std::max(size.y - (rowsTop - origin.y) - axisHeight, lineHeight);
    // Rows share the height, but a few rows should not turn into slabs.
    const float rowHeight =
        std::min(rowsSpace / static_cast<float>(input.rows.size()), lineHeight + look.px(14));
    const float rowsBottom = rowsTop + rowHeight * static_cast<float>(input.rows.size());
    const Interval own = barRange(input.rows);
    const Interval domain = input.valueRange ? *input.valueRange : niceDomain(own.lo, own.hi, 6);
    // Tick labels at the ends are centred on their ticks; leave room for half
    // of each so they stay clear of a chart drawn alongside.
    const float endLabel = std::max(ImGui::CalcTextSize(formatChartValue(domain.lo).c_str()).x,
                                    ImGui::CalcTextSize(formatChartValue(domain.hi).c_str()).x);
    const float inset = endLabel / 2 + look.px(6);
    const float labelWidth = labelColumnWidth(input, size.x, look);
    const float plotLeft = origin.x + std::max(labelWidth, inset);
    const float plotRight = origin.x + size.x - inset;
    const LinearScale x(domain.lo, domain.hi, plotLeft, plotRight);

    drawValueAxis(drawList, x, rowsTop, rowsBottom, origin.x, origin.x + size.x, colours, look);
    std::optional<std::size_t> hovered;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < input.rows.size(); ++i) {
        const BarRow& row = input.rows[i];
        const RowGeometry geometry{rowsTop + rowHeight * static_cast<float>(i), rowHeight};
        ImGui::SetCursorScreenPos(ImVec2(origin.x, geometry.top));
        ImGui::PushID(static_cast<int>(i));
        ImGui::InvisibleButton("row", ImVec2(size.x, rowHeight));
        ImGui::PopID();
        if (ImGui::IsItemHovered()) {
            hovered = i;
            drawList->AddRectFilled(ImVec2(origin.x, geometry.top),
                                    ImVec2(origin.x + size.x, geometry.top + rowHeight),
                                    ImGui::GetColorU32(ImGuiCol_HeaderHovered), look.px(3));
            showRowTooltip(row, input, look);
        }
        if (input.showRowLabels) {
            drawRowLabel(drawList, row, ImVec2(origin.x, geometry.centre() - lineHeight / 2),
                         labelWidth - look.px(12), input, colours, look);
        }
        drawRow(drawList, row, geometry, x, input, colours, look);
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
    return hovered;
}

} // namespace knotmap::ui
