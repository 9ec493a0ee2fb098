#pragma once

#include "core/chart_scale.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/time_chart.h"

// The drawing layers of the time chart, back to front. Internal to
// time_chart.cpp and its hover code; panels call timeChart() instead.
namespace knotmap::ui::detail {

// The plot rectangle in screen pixels and the scales that map into it.
struct PlotArea {
    ImVec2 min;
    ImVec2 max;
    LinearScale x; // UTC seconds -> screen x
    LinearScale y; // value -> screen y, growing upward
    // The marker strip's height under the plot (max.y); 0 without markers.
    float stripHeight = 0.0f;

    [[nodiscard]] ImVec2 toScreen(double t, double value) const;
    [[nodiscard]] bool contains(ImVec2 point) const;
    // Where a marker at time t is drawn: in the middle of the strip.
    [[nodiscard]] ImVec2 markerAt(double t) const;
};

void drawBands(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
               const ChartColours& colours);
// Horizontal grid lines with their labels to the left of the plot.
void drawValueAxis(ImDrawList* drawList, const PlotArea& plot, const std::vector<double>& ticks,
                   const ChartColours& colours, const Appearance& look);
// Vertical grid lines at calendar ticks, labels below (under the marker
// strip), and the baseline.
void drawTimeAxis(ImDrawList* drawList, const PlotArea& plot, int utcOffsetMinutes,
                  const ChartColours& colours, const Appearance& look);
void drawSeries(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
                const TimeChartState& state, const ChartColours& colours, const Appearance& look);
// The strip under the plot with the markers in it: outlined ones first, so
// a filled one at the same time stays on top.
void drawMarkers(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
                 const ChartColours& colours, const Appearance& look);

// The radius markers are drawn at, shared with hover hit testing.
[[nodiscard]] float markerRadius(const Appearance& look);
// The strip's height for markers of that radius, with a little air around.
[[nodiscard]] float markerStripHeight(const Appearance& look);

} // namespace knotmap::ui::detail
