#pragma once

#include "core/knot_trend.h"
#include "report/pdf_painter.h"
#include "report/report_layout.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

// One knot's pain over the report's period as a small vector line chart: a
// 0-10 axis, calendar-aware date ticks, the ratings, the smoothed trend and,
// in a strip of its own under the plot, a marker for each treatment in its
// kind's glyph and colour (core/treatment_style.h). Markers never sit on the
// line, so the line stays legible however many treatments there are.
namespace knotmap::report {

struct TrendChartInput {
    std::string title;    // e.g. "1  Left upper trapezius"
    std::string subtitle; // e.g. "Latest 6/10, better by 33% (Moderate)"
    const KnotTrend* trend = nullptr;
    // The time axis, UTC seconds: the same for every chart so they compare.
    double t0 = 0.0;
    double t1 = 0.0;
    int utcOffsetMinutes = 0;
};

void drawTrendChart(PdfPainter& painter, const TrendChartInput& input, double left, double top,
                    double width, double height);

// The key under the charts: the line, the dashes, and each treatment kind on
// the charts (code, display name) with its glyph; rows wrap to width.
[[nodiscard]] ReportBlock
trendLegendBlock(const PdfDocument& document,
                 const std::vector<std::pair<std::string, std::string>>& kinds, double width);

} // namespace knotmap::report
