#include "ui/charts/time_chart_hover.h"

#include "core/time_ticks.h"

#include <algorithm>
#include <cmath>

namespace knotmap::ui::detail {
namespace {

struct NearestPoint {
    const ChartSeries* series = nullptr;
    ChartPoint point;
};

// The point whose time is closest to t; points are sorted by time.
std::optional<ChartPoint> nearestInTime(const std::vector<ChartPoint>& points, double t) {
    if (points.empty()) {
        return std::nullopt;
    }
    const auto after =
        std::lower_bound(points.begin(), points.end(), t,
                         [](const ChartPoint& p, double value) { return p.t < value; });
    if (after == points.begin()) {
        return *after;
    }
    if (after == points.end()) {
        return points.back();
    }
    const auto before = after - 1;
    return (t - before->t <= after->t - t) ? *before : *after;
}

std::optional<std::size_t> markerUnder(const PlotArea& plot, ImVec2 mouse,
                                       const TimeChartInput& input, float reach) {
    std::optional<std::size_t> best;
    float bestDistance = reach;
    for (std::size_t i = 0; i < input.markers.size(); ++i) {
        const ChartMarker& marker = input.markers[i];
        const ImVec2 at = plot.markerAt(marker.t);
        const float distance = std::hypot(at.x - mouse.x, at.y - mouse.y);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

std::int64_t wholeSeconds(double t) {
    return static_cast<std::int64_t>(std::floor(t));
}

// A small square of the series colour at the start of a tooltip line.
void tooltipSwatch(ImU32 colour, const Appearance& look) {
    const float size = look.px(9);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float top = at.y + (ImGui::GetTextLineHeight() - size) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + size, top + size),
                                              colour, look.px(2));
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

void showTooltip(double t, const std::vector<NearestPoint>& nearest,
                 const std::optional<std::size_t>& markerIndex, const TimeChartInput& input,
                 const Appearance& look) {
    const int offset = input.utcOffsetMinutes;
    const std::string cursorDate = formatInstant(wholeSeconds(t), offset);
    ImGui::BeginTooltip();
    ImGui::PushFont(look.fonts.strong);
    ImGui::TextUnformatted(cursorDate.c_str());
    ImGui::PopFont();
    for (const NearestPoint& entry : nearest) {
        tooltipSwatch(toU32(entry.series->colour), look);
        ImGui::Text("%s: %s", entry.series->name.c_str(),
                    formatChartValue(entry.point.value).c_str());
        // The nearest point may lie days away; say when it was.
        const std::string pointDate = formatInstant(wholeSeconds(entry.point.t), offset);
        if (pointDate != cursorDate) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
            ImGui::Text("(%s)", pointDate.c_str());
            ImGui::PopStyleColor();
        }
    }
    if (markerIndex) {
        const ChartMarker& marker = input.markers[*markerIndex];
        ImGui::Separator();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float radius = markerRadius(look);
        const ImVec2 centre(at.x + radius, at.y + ImGui::GetTextLineHeight() / 2);
        if (marker.outlined) {
            drawGlyphOutlined(ImGui::GetWindowDrawList(), centre, radius, marker.glyph,
                              toU32(marker.colour), ImGui::GetColorU32(ImGuiCol_PopupBg));
        } else {
            drawGlyph(ImGui::GetWindowDrawList(), centre, radius, marker.glyph,
                      toU32(marker.colour));
        }
        ImGui::Dummy(ImVec2(radius * 2, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(marker.tooltip.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
        ImGui::TextUnformatted(formatInstant(wholeSeconds(marker.t), offset).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndTooltip();
}

} // namespace

TimeChartHover drawHover(ImDrawList* drawList, const PlotArea& plot, ImVec2 mouse,
                         const TimeChartInput& input, const TimeChartState& state,
                         const ChartColours& colours, const Appearance& look) {
    TimeChartHover hover;
    hover.t = plot.x.inverse(mouse.x);
    hover.value = plot.y.inverse(mouse.y);
    hover.markerIndex = markerUnder(plot, mouse, input, markerRadius(look) + look.px(3));
    drawList->AddLine(ImVec2(mouse.x, plot.min.y), ImVec2(mouse.x, plot.max.y + plot.stripHeight),
                      colours.crosshair, look.px(1));

    std::vector<NearestPoint> nearest;
    for (const ChartSeries& series : input.series) {
        if (state.isHidden(series.name)) {
            continue;
        }
        if (const std::optional<ChartPoint> point = nearestInTime(series.points, hover.t)) {
            nearest.push_back({&series, *point});
            const ImVec2 at = plot.toScreen(point->t, point->value);
            drawList->AddCircle(at, look.px(6), toU32(series.colour), 0, look.px(1.5f));
        }
    }
    showTooltip(hover.t, nearest, hover.markerIndex, input, look);
    return hover;
}

} // namespace knotmap::ui::detail
