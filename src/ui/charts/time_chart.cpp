#include "ui/charts/time_chart.h"

#include "ui/charts/chart_legend.h"
#include "ui/charts/time_chart_hover.h"
#include "ui/charts/time_chart_layers.h"

#include <imgui_internal.h> // SetItemUsingMouseWheel: the wheel zooms instead of scrolling

#include <algorithm>
#include <cmath>
#include <limits>

namespace knotmap::ui {
namespace {

constexpr double kDay = 86400.0;
// Narrower than two days there may be no midnight to label.
constexpr double kMinVisibleSpan = 2 * kDay;
constexpr double kWheelZoomStep = 0.8;

// The earliest and latest instants among all points and markers, hidden
// series included so toggling a series does not move the axis.
std::optional<Interval> dataSpan(const TimeChartInput& input) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const ChartSeries& series : input.series) {
        if (!series.points.empty()) {
            lo = std::min(lo, series.points.front().t);
            hi = std::max(hi, series.points.back().t);
        }
    }
    for (const ChartMarker& marker : input.markers) {
        lo = std::min(lo, marker.t);
        hi = std::max(hi, marker.t);
    }
    if (lo > hi) {
        return std::nullopt;
    }
    return Interval{lo, hi};
}

// The whole data span, or its latest recentSpan seconds when set, with a
// small margin, so the first and last points are not cut in half by the
// plot's edges.
Interval fullView(Interval data, double recentSpan = 0.0) {
    if (recentSpan > 0.0 && data.span() > recentSpan) {
        data.lo = data.hi - recentSpan;
    }
    const double margin = std::max(data.span() * 0.03, kDay / 2);
    Interval view{data.lo - margin, data.hi + margin};
    if (view.span() < kMinVisibleSpan) {
        view = {data.centre() - kMinVisibleSpan / 2, data.centre() + kMinVisibleSpan / 2};
    }
    return view;
}

// Panning may run a little past the data, but never lose it entirely.
DomainLimits viewLimits(Interval full) {
    const double pad = std::max(full.span() * 0.5, 14 * kDay);
    return {kMinVisibleSpan, full.lo - pad, full.hi + pad};
}

std::vector<LegendEntry> legendEntries(const TimeChartInput& input, const TimeChartState& state) {
    std::vector<LegendEntry> entries;
    for (const ChartSeries& series : input.series) {
        if (series.name.empty()) {
            continue;
        }
        entries.push_back({series.name, series.colour, series.style != SeriesStyle::Points,
                           series.style != SeriesStyle::Line, series.trend,
                           state.isHidden(series.name)});
    }
    return entries;
}

void drawEmpty(ImDrawList* drawList, ImVec2 origin, ImVec2 size, const std::string& message,
               const Appearance& look) {
    const ChartColours colours = chartColours(look);
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    drawList->AddRect(origin, end, colours.grid, look.px(6), 0, look.px(1));
    const ImVec2 textSize = ImGui::CalcTextSize(message.c_str());
    drawList->AddText(
        ImVec2(origin.x + (size.x - textSize.x) / 2, origin.y + (size.y - textSize.y) / 2),
        colours.textMuted, message.c_str());
}

// Applies this frame's drag, wheel and double-click on the plot to the view.
void handleInput(const detail::PlotArea& plot, Interval full, double recentSpan,
                 TimeChartState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    const DomainLimits limits = viewLimits(full);
    Interval view{state.viewStart, state.viewEnd};
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        state.userAdjusted = false;
        view = fullView(full, recentSpan);
    } else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
               io.MouseDelta.x != 0.0f) {
        view = clampDomain(panDomain(plot.x, io.MouseDelta.x), limits);
        state.userAdjusted = true;
    } else if (hovered && io.MouseWheel != 0.0f) {
        const double factor = std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel));
        view = zoomDomain(view, plot.x.inverse(io.MousePos.x), factor, limits);
        state.userAdjusted = true;
    }
    state.viewStart = view.lo;
    state.viewEnd = view.hi;
}

float valueLabelWidth(const std::vector<double>& ticks) {
    float width = 0.0f;
    for (const double tick : ticks) {
        width = std::max(width, ImGui::CalcTextSize(formatChartValue(tick).c_str()).x);
    }
    return width;
}

} // namespace

bool TimeChartState::isHidden(std::string_view name) const {
    return hiddenSeries.find(name) != hiddenSeries.end();
}

void TimeChartState::toggle(std::string_view name) {
    if (const auto it = hiddenSeries.find(name); it != hiddenSeries.end()) {
        hiddenSeries.erase(it);
    } else {
        hiddenSeries.emplace(name);
    }
}

std::optional<TimeChartHover> timeChart(const char* id, const TimeChartInput& input,
                                        TimeChartState& state, ImVec2 size,
                                        const Appearance& look) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x > 0.0f ? size.x : available.x, look.px(160));
    size.y = std::max(size.y > 0.0f ? size.y : available.y, look.px(120));
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const std::optional<Interval> data = dataSpan(input);
    if (!data) {
        drawEmpty(drawList, origin, size, input.emptyMessage, look);
        ImGui::Dummy(size);
        return std::nullopt;
    }
    ImGui::PushID(id);
    const ChartColours colours = chartColours(look);
    const float lineHeight = ImGui::GetTextLineHeight();

    // Header: the value axis title, then the legend filling the rest of the row.
    drawList->AddText(ImVec2(origin.x, origin.y + look.px(3)), colours.textMuted,
                      input.yLabel.c_str());
    const float legendStart = origin.x + ImGui::CalcTextSize(input.yLabel.c_str()).x + look.px(24);
    const std::vector<LegendEntry> entries = legendEntries(input, state);
    const LegendLayout legend =
        layoutLegend(entries, ImVec2(legendStart, origin.y), origin.x + size.x, look);
    const float headerHeight = std::max(legend.height, lineHeight + look.px(6)) + look.px(8);

    const double yLo = std::min(input.yMin, input.yMax);
    const double yHi = std::max(input.yMax, yLo + 1.0);
    const float plotTop = origin.y + headerHeight;
    const float plotBottom = origin.y + size.y - lineHeight - look.px(8);
    const int maxValueTicks =
        std::max(2, static_cast<int>((plotBottom - plotTop) / (lineHeight * 2)));
    const std::vector<double> valueTicks = niceTicks(yLo, yHi, maxValueTicks);

    detail::PlotArea plot;
    plot.stripHeight = input.markers.empty() ? 0.0f : detail::markerStripHeight(look);
    plot.min = ImVec2(origin.x + valueLabelWidth(valueTicks) + look.px(10), plotTop);
    plot.max = ImVec2(origin.x + size.x - look.px(4),
                      std::max(plotBottom - plot.stripHeight, plotTop + look.px(20)));
    plot.y = LinearScale(yLo, yHi, plot.max.y, plot.min.y);

    // An adjusted window is kept within reach of the data, which may have
    // changed since (another client, a narrower date range).
    const Interval view = state.userAdjusted && state.viewEnd > state.viewStart
                              ? clampDomain({state.viewStart, state.viewEnd}, viewLimits(*data))
                              : fullView(*data, input.defaultSpanSeconds);
    state.viewStart = view.lo;
    state.viewEnd = view.hi;
    plot.x = LinearScale(state.viewStart, state.viewEnd, plot.min.x, plot.max.x);

    ImGui::SetCursorScreenPos(plot.min);
    // The marker strip is part of the hover area, so its glyphs have tooltips.
    ImGui::InvisibleButton(
        "plot", ImVec2(plot.max.x - plot.min.x, plot.max.y + plot.stripHeight - plot.min.y));
    ImGui::SetItemUsingMouseWheel();
    const bool plotHovered = ImGui::IsItemHovered();
    const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left);
    handleInput(plot, *data, input.defaultSpanSeconds, state);
    plot.x = LinearScale(state.viewStart, state.viewEnd, plot.min.x, plot.max.x);
    if (dragging) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    }

    // Points on the top and bottom value lines must not be cut in half.
    const float bleed = detail::markerRadius(look) + look.px(2);
    const ImVec2 clipMin(plot.min.x, plot.min.y - bleed);
    const ImVec2 clipMax(plot.max.x, plot.max.y + std::max(bleed, plot.stripHeight));
    drawList->PushClipRect(clipMin, clipMax, true);
    detail::drawBands(drawList, plot, input, colours);
    drawList->PopClipRect();
    detail::drawValueAxis(drawList, plot, valueTicks, colours, look);
    detail::drawTimeAxis(drawList, plot, input.utcOffsetMinutes, colours, look);
    drawList->PushClipRect(clipMin, clipMax, true);
    // Markers before the series: should a point's halo reach into the
    // strip, the line stays whole.
    detail::drawMarkers(drawList, plot, input, colours, look);
    detail::drawSeries(drawList, plot, input, state, colours, look);
    std::optional<TimeChartHover> hover;
    if (plotHovered && !dragging) {
        hover =
            detail::drawHover(drawList, plot, ImGui::GetIO().MousePos, input, state, colours, look);
    }
    drawList->PopClipRect();

    if (const std::optional<std::size_t> clicked = drawLegend(entries, legend, colours, look)) {
        state.toggle(entries[*clicked].name);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
    ImGui::PopID();
    return hover;
}

} // namespace knotmap::ui
