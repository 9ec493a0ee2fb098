#include "report/pdf_trend_chart.h"

#include "core/chart_scale.h"
#include "core/time_ticks.h"
#include "report/pdf_glyphs.h"
#include "report/text_fit.h"

namespace knotmap::report {
namespace {

constexpr double kTitleBand = 26.0; // title and subtitle above the plot
constexpr double kAxisLabelWidth = 16.0;
constexpr double kDateBand = 11.0;   // date labels under the plot
constexpr double kMarkerBand = 11.0; // the treatment strip between plot and dates
constexpr double kMarkerRadius = 3.1;
constexpr double kLegendRow = 13.0;

constexpr Srgb kGrid{0.90, 0.91, 0.92};
constexpr Srgb kPaper{1, 1, 1};

void drawAxes(PdfPainter& painter, const LinearScale& x, const LinearScale& y,
              const TrendChartInput& input, double labelTop) {
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
    for (const TimeTick& tick : ticks.ticks) {
        const double px = left + tick.x;
        painter.line({px, labelTop - 2.5}, {px, labelTop}, {kMuted, 0.5});
        painter.text(left + tick.labelLeft, labelTop + 7.5, tick.label, FontStyle::Regular,
                     kTinySize, kMuted);
    }
}

// The strip under the plot: a faint band with each treatment's glyph at its
// time, aimed-at-this-knot filled, whole-session outlined.
void drawTreatmentStrip(PdfPainter& painter, const KnotTrend& trend, const LinearScale& x,
                        double top) {
    const double left = x.range().lo;
    const double right = x.range().hi;
    painter.rectangle(left, top, right - left, kMarkerBand - 1.0, kFaintFill, std::nullopt);
    const double centreY = top + (kMarkerBand - 1.0) / 2;
    // Whole-session ones first, so a knot's own treatment is drawn on top.
    for (const bool wholeSession : {true, false}) {
        for (const KnotTrendTreatment& treatment : trend.treatments) {
            if (treatment.wholeSession == wholeSession) {
                drawTreatmentMarker(painter,
                                    {x.forward(static_cast<double>(treatment.utcSeconds)), centreY},
                                    kMarkerRadius, treatment.kindCode, wholeSession);
            }
        }
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
    const double plotBottom = top + height - kDateBand - kMarkerBand;
    const LinearScale x(input.t0, input.t1, plotLeft, plotRight);
    const LinearScale y(0.0, 10.0, plotBottom, plotTop);
    drawAxes(painter, x, y, input, plotBottom + kMarkerBand + 1.0);
    if (input.trend == nullptr) {
        return;
    }
    const KnotTrend& trend = *input.trend;
    drawTreatmentStrip(painter, trend, x, plotBottom + 1.5);
    std::vector<Vec2> smoothed;
    for (const KnotTrendSmoothedPoint& point : trend.smoothed) {
        smoothed.push_back(
            {x.forward(static_cast<double>(point.utcSeconds)), y.forward(point.pain)});
    }
    painter.polyline(smoothed, {kMuted, 0.8, true});
    std::vector<Vec2> ratings;
    for (const KnotTrendPoint& point : trend.points) {
        ratings.push_back(
            {x.forward(static_cast<double>(point.utcSeconds)), y.forward(point.pain)});
    }
    // The ratings line goes last, over a white halo, so grid and trend never
    // break it up.
    painter.polyline(ratings, {kPaper, 2.6});
    painter.polyline(ratings, {kSeries, 1.1});
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

ReportBlock trendLegendBlock(const PdfDocument& document,
                             const std::vector<std::pair<std::string, std::string>>& kinds,
                             double width) {
    // Each entry: a swatch (line or glyph) 16 pt wide, its label, a gap.
    struct Entry {
        std::string code; // empty for the two line entries
        std::string label;
        int swatch = 0; // 0 ratings line, 1 trend dashes, 2 glyph
        double x = 0.0;
        int row = 0;
    };
    std::vector<Entry> entries{{"", "ratings", 0}, {"", "trend (7-day half-life)", 1}};
    for (const auto& [code, name] : kinds) {
        entries.push_back({code, name, 2});
    }
    entries.push_back({"",
                       "Under each chart: treatments of that knot filled, whole-session "
                       "ones outlined.",
                       3});
    double x = 0.0;
    int row = 0;
    for (Entry& entry : entries) {
        const double swatch = entry.swatch == 3 ? 0.0 : (entry.swatch == 2 ? 10.0 : 20.0);
        const double entryWidth =
            swatch + document.textWidth(entry.label, FontStyle::Regular, kTinySize);
        if (x > 0.0 && (x + entryWidth > width || entry.swatch == 3)) {
            ++row;
            x = 0.0;
        }
        entry.x = x;
        entry.row = row;
        x += entryWidth + 12.0;
    }
    ReportBlock block;
    block.layout = {(row + 1) * kLegendRow + 6.0, BlockRole::Plain};
    for (const Entry& entry : entries) {
        block.text.push_back(entry.label);
    }
    block.draw = [entries](PdfPainter& painter, const BlockArea& area) {
        for (const Entry& entry : entries) {
            const double y = area.top + 7.0 + entry.row * kLegendRow;
            double x = area.x + entry.x;
            if (entry.swatch == 0) {
                painter.line({x, y}, {x + 16.0, y}, {kSeries, 1.1});
                x += 20.0;
            } else if (entry.swatch == 1) {
                painter.line({x, y}, {x + 16.0, y}, {kMuted, 0.8, true});
                x += 20.0;
            } else if (entry.swatch == 2) {
                drawTreatmentMarker(painter, {x + 3.5, y}, kMarkerRadius, entry.code);
                x += 10.0;
            }
            painter.text(x, y + 2.5, entry.label, FontStyle::Regular, kTinySize, kMuted);
        }
    };
    return block;
}

} // namespace knotmap::report
