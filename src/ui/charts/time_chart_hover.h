#pragma once

#include "ui/charts/time_chart_layers.h"

// The time chart's hover feedback: a crosshair at the cursor, rings on the
// points nearest in time, and a tooltip listing them. Internal to time_chart.cpp.
namespace knotmap::ui::detail {

TimeChartHover drawHover(ImDrawList* drawList, const PlotArea& plot, ImVec2 mouse,
                         const TimeChartInput& input, const TimeChartState& state,
                         const ChartColours& colours, const Appearance& look);

} // namespace knotmap::ui::detail
