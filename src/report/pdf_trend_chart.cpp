#include "report/pdf_trend_chart.h"

#include "core/chart_scale.h"
#include "core/time_ticks.h"
#include "report/report_layout.h"
#include "report/text_fit.h"

namespace knotmap::report {
namespace {

constexpr double kTitleBand = 26.0; // title and subtitle above the plot
constexpr double kAxisLabelWidth = 16.0;
constexpr double kDateBand = 12.0; // date labels under the plot
constexpr double kMarkerSize = 3.2;

constexpr Srgb kGrid{0.90, 0.91, 0.92};
constexpr Srgb kTreatment{0.35, 0.38, 0.42};

void triangle(PdfPainter& painter, Vec2 apexBase, bool filled) {
    // Apex up, sitting on apexBase's y: reads as "something was done here".
    const std::vector<Vec2> points{{apexBase.x, apexBase.y - 2 * kMarkerSize},
                                   {apexBase.x + kMarkerSize, apexBase.y},
                                   {apexBase.x - kMarkerSize, apexBase.y}};
    if (filled) {
        painter.polygon(points, kTreatment, std::nullopt);
    } else {
        painter.polygon(points, Srgb{1, 1, 1}, StrokeStyle{kTreatment, 0.6});
    }
}

void drawAxes(PdfPainter& painter, const LinearScale& x, const LinearScale& y,
              const TrendChartInput& input) {
    const double left = x.range().lo;
    const double right = x.range().hi;
    for (int pain = 0; pain <= 10; pain += 2) {
        const double py = y.forward(pain);
        painter.line({left, py}, {right, py}, {pain == 0 ? kMuted : kGrid, pain == 0 ? 0.6 : 0.4});
        painter.text(left - 4.0, py + 2.5, std::to_string(pain), FontStyle::Regular, kTinySize,
                     kMuted, TextAlign::Right);
    }
    TimeAxis axis;
    axis.t0 = input.t0;
    axis.t1 = input.t1;
    axis.utcOffsetMinutes = input.utcOffsetMinutes;
    axis.lengthPixels = static_cast<float>(right - left);
    axis.minGapPixels = 8.0f;
    const TimeTicks ticks = chooseTimeTicks(axis, [&painter](std::string_view text) {
        return static_cast<float>(painter.textWidth(text, FontStyle::Regular, kTinySize));
    });
    const double bottom = y.forward(0);
    for (const TimeTick& tick : ticks.ticks) {
        const double px = left + tick.x;
        painter.line({px, bottom}, {px, bottom + 2.5}, {kMuted, 0.5});
        painter.text(left + tick.labelLeft, bottom + 10.0, tick.label, FontStyle::Regular,
                     kTinySize, kMuted);
    }
}

} // namespace

void drawTrendChart(PdfPainter& painter, const TrendChartInput& input, double left, double top,
                    double width, double height) {
    const auto measureTitle = [&painter](std::string_view s) {
        return painter.textWidth(s, FontStyle::Bold, kBodySize);
    };
    const auto measureSubtitle = [&painter](std::string_view s) {
        return painter.textWidth(s, FontStyle::Regular, kSmallSize);
    };
    const std::string_view ellipsis = painter.document().ellipsis();
    painter.text(left, top + 9.0, truncateToWidth(input.title, width, measureTitle, ellipsis),
                 FontStyle::Bold, kBodySize, kInk);
    painter.text(left, top + 20.0,
                 truncateToWidth(input.subtitle, width, measureSubtitle, ellipsis),
                 FontStyle::Regular, kSmallSize, kMuted);

    const double plotLeft = left + kAxisLabelWidth;
    const double plotRight = left + width - 4.0;
    const double plotTop = top + kTitleBand + 4.0;
    const double plotBottom = top + height - kDateBand;
    const LinearScale x(input.t0, input.t1, plotLeft, plotRight);
    const LinearScale y(0.0, 10.0, plotBottom, plotTop);
    drawAxes(painter, x, y, input);
    if (input.trend == nullptr) {
        return;
    }
    const KnotTrend& trend = *input.trend;
    for (const KnotTrendTreatment& treatment : trend.treatments) {
        triangle(painter, {x.forward(static_cast<double>(treatment.utcSeconds)), plotBottom - 0.8},
                 !treatment.wholeSession);
    }
    std::vector<Vec2> smoothed;
    for (const KnotTrendSmoothedPoint& point : trend.smoothed) {
        smoothed.push_back(
            {x.forward(static_cast<double>(point.utcSeconds)), y.forward(point.pain)});
    }
    painter.polyline(smoothed, {kMuted, 0.9, true});
    std::vector<Vec2> ratings;
    for (const KnotTrendPoint& point : trend.points) {
        ratings.push_back(
            {x.forward(static_cast<double>(point.utcSeconds)), y.forward(point.pain)});
    }
    painter.polyline(ratings, {kSeries, 0.9});
    // Dots only while they stay apart: a daily log over months would be a smear.
    const bool dots =
        ratings.size() < 2 || (plotRight - plotLeft) / static_cast<double>(ratings.size()) > 3.0;
    if (dots) {
        for (std::size_t i = 0; i < ratings.size(); ++i) {
            painter.circle(ratings[i], 1.8, painRampColour(trend.points[i].pain),
                           StrokeStyle{kSeries, 0.4});
        }
    }
}

void drawTrendLegend(PdfPainter& painter, double left, double top) {
    const double y = top + 8.0;
    double x = left;
    const auto label = [&](std::string_view text) {
        painter.text(x, y + 2.5, text, FontStyle::Regular, kTinySize, kMuted);
        x += painter.textWidth(text, FontStyle::Regular, kTinySize) + 14.0;
    };
    painter.line({x, y}, {x + 16.0, y}, {kSeries, 0.9});
    x += 20.0;
    label("ratings");
    painter.line({x, y}, {x + 16.0, y}, {kMuted, 0.9, true});
    x += 20.0;
    label("trend (7-day half-life)");
    triangle(painter, {x + kMarkerSize, y + kMarkerSize}, true);
    x += 2 * kMarkerSize + 4.0;
    label("treatment of this knot");
    triangle(painter, {x + kMarkerSize, y + kMarkerSize}, false);
    x += 2 * kMarkerSize + 4.0;
    label("whole-session treatment");
}

} // namespace knotmap::report
