#include "ui/charts/time_chart_layers.h"

#include "core/time_ticks.h"

#include <algorithm>

namespace knotmap::ui::detail {
namespace {

// The points of one series within the visible window, plus the neighbour on
// each side so a line runs on to the edge instead of stopping short.
std::vector<ImVec2> visiblePoints(const PlotArea& plot, const std::vector<ChartPoint>& points) {
    const Interval window = plot.x.domain();
    const auto byTime = [](const ChartPoint& point, double t) {
        return point.t < t;
    };
    auto first = std::lower_bound(points.begin(), points.end(), window.lo, byTime);
    auto last = std::lower_bound(first, points.end(), window.hi, byTime);
    if (first != points.begin()) {
        --first;
    }
    if (last != points.end()) {
        ++last;
    }
    std::vector<ImVec2> screen;
    screen.reserve(static_cast<std::size_t>(last - first));
    for (auto it = first; it != last; ++it) {
        screen.push_back(plot.toScreen(it->t, it->value));
    }
    return screen;
}

void drawSeriesPoints(ImDrawList* drawList, const std::vector<ImVec2>& screen, ImU32 colour,
                      const ChartColours& colours, const Appearance& look) {
    const float radius = look.px(3.0f);
    for (const ImVec2& point : screen) {
        // A ring of background keeps points apart from the line they sit on.
        drawList->AddCircleFilled(point, radius + look.px(1.5f), colours.background);
        drawList->AddCircleFilled(point, radius, colour);
    }
}

} // namespace

ImVec2 PlotArea::toScreen(double t, double value) const {
    return ImVec2(static_cast<float>(x.forward(t)), static_cast<float>(y.forward(value)));
}

bool PlotArea::contains(ImVec2 point) const {
    return point.x >= min.x && point.x <= max.x && point.y >= min.y && point.y <= max.y;
}

ImVec2 PlotArea::markerAt(double t) const {
    return ImVec2(static_cast<float>(x.forward(t)), max.y + stripHeight / 2);
}

float markerRadius(const Appearance& look) {
    return look.px(5.0f);
}

float markerStripHeight(const Appearance& look) {
    return markerRadius(look) * 2 + look.px(8);
}

void drawBands(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
               const ChartColours& colours) {
    for (const ReferenceBand& band : input.bands) {
        const auto top = static_cast<float>(plot.y.forward(std::max(band.lo, band.hi)));
        const auto bottom = static_cast<float>(plot.y.forward(std::min(band.lo, band.hi)));
        const float clippedTop = std::max(top, plot.min.y);
        const float clippedBottom = std::min(bottom, plot.max.y);
        if (clippedBottom <= clippedTop) {
            continue;
        }
        drawList->AddRectFilled(ImVec2(plot.min.x, clippedTop), ImVec2(plot.max.x, clippedBottom),
                                toU32(band.colour));
        if (!band.label.empty()) {
            const ImVec2 size = ImGui::CalcTextSize(band.label.c_str());
            if (size.y <= clippedBottom - clippedTop) {
                drawList->AddText(ImVec2(plot.max.x - size.x - ImGui::GetStyle().ItemSpacing.x,
                                         clippedTop + (clippedBottom - clippedTop - size.y) / 2),
                                  colours.textMuted, band.label.c_str());
            }
        }
    }
}

void drawValueAxis(ImDrawList* drawList, const PlotArea& plot, const std::vector<double>& ticks,
                   const ChartColours& colours, const Appearance& look) {
    const float lineHeight = ImGui::GetTextLineHeight();
    for (const double tick : ticks) {
        const auto y = static_cast<float>(plot.y.forward(tick));
        drawList->AddLine(ImVec2(plot.min.x, y), ImVec2(plot.max.x, y), colours.grid, look.px(1));
        const std::string label = formatChartValue(tick);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        drawList->AddText(ImVec2(plot.min.x - look.px(6) - width, y - lineHeight / 2),
                          colours.textMuted, label.c_str());
    }
}

void drawTimeAxis(ImDrawList* drawList, const PlotArea& plot, int utcOffsetMinutes,
                  const ChartColours& colours, const Appearance& look) {
    const Interval window = plot.x.domain();
    const TimeAxis axis{window.lo, window.hi, utcOffsetMinutes, plot.max.x - plot.min.x,
                        look.px(14)};
    const TimeTicks ticks = chooseTimeTicks(axis, [](std::string_view text) {
        return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    });
    const float labelTop = plot.max.y + plot.stripHeight + look.px(4);
    for (const TimeTick& tick : ticks.ticks) {
        const float x = plot.min.x + tick.x;
        drawList->AddLine(ImVec2(x, plot.min.y), ImVec2(x, plot.max.y), colours.grid, look.px(1));
        drawList->AddLine(ImVec2(x, plot.max.y), ImVec2(x, plot.max.y + look.px(3)), colours.axis,
                          look.px(1));
        drawList->AddText(ImVec2(plot.min.x + tick.labelLeft, labelTop), colours.textMuted,
                          tick.label.c_str());
    }
    drawList->AddLine(ImVec2(plot.min.x, plot.max.y), ImVec2(plot.max.x, plot.max.y), colours.axis,
                      look.px(1));
}

void drawSeries(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
                const TimeChartState& state, const ChartColours& colours, const Appearance& look) {
    // Trends first: they summarise the data and belong behind it.
    for (const bool trendPass : {true, false}) {
        for (const ChartSeries& series : input.series) {
            if (series.trend != trendPass || state.isHidden(series.name)) {
                continue;
            }
            const std::vector<ImVec2> screen = visiblePoints(plot, series.points);
            if (series.trend) {
                drawDashedPolyline(drawList, screen.data(), static_cast<int>(screen.size()),
                                   toU32(series.colour, 0.9f), look.px(2.2f), look.px(7),
                                   look.px(4));
                continue;
            }
            const ImU32 colour = toU32(series.colour);
            if (series.style != SeriesStyle::Points && screen.size() >= 2) {
                // Segment by segment with round joins: ImGui's thick polyline
                // mitres every corner, and a zig-zag of daily ratings turns
                // its sharp corners into long spikes.
                const float thickness = look.px(2);
                for (std::size_t i = 1; i < screen.size(); ++i) {
                    drawList->AddLine(screen[i - 1], screen[i], colour, thickness);
                }
                for (std::size_t i = 1; i + 1 < screen.size(); ++i) {
                    drawList->AddCircleFilled(screen[i], thickness * 0.5f, colour, 8);
                }
            }
            // Where points crowd closer than a few diameters the line alone
            // reads better; a points-only series has no line to fall back on.
            const float crowded = look.px(12) * static_cast<float>(screen.size());
            const bool roomForPoints = crowded <= plot.max.x - plot.min.x;
            if (series.style == SeriesStyle::Points ||
                (series.style == SeriesStyle::LineAndPoints && roomForPoints)) {
                drawSeriesPoints(drawList, screen, colour, colours, look);
            }
        }
    }
}

void drawMarkers(ImDrawList* drawList, const PlotArea& plot, const TimeChartInput& input,
                 const ChartColours& colours, const Appearance& look) {
    if (plot.stripHeight <= 0.0f) {
        return;
    }
    // A faint band under the baseline says the glyphs belong to the time
    // axis, not to a value.
    const float gap = look.px(2);
    drawList->AddRectFilled(ImVec2(plot.min.x, plot.max.y + gap),
                            ImVec2(plot.max.x, plot.max.y + plot.stripHeight - gap),
                            toU32(ImGui::ColorConvertU32ToFloat4(colours.grid), 0.45f), look.px(2));
    const Interval window = plot.x.domain();
    const float radius = markerRadius(look);
    for (const bool outlinedPass : {true, false}) {
        for (const ChartMarker& marker : input.markers) {
            if (marker.outlined != outlinedPass || marker.t < window.lo || marker.t > window.hi) {
                continue;
            }
            const ImVec2 at = plot.markerAt(marker.t);
            if (marker.outlined) {
                drawGlyphOutlined(drawList, at, radius, marker.glyph, toU32(marker.colour),
                                  colours.background);
            } else {
                drawGlyphWithHalo(drawList, at, radius, marker.glyph, toU32(marker.colour),
                                  colours.background);
            }
        }
    }
}

} // namespace knotmap::ui::detail
