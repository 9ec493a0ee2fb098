#pragma once

#include "core/knot_trend.h"
#include "report/pdf_painter.h"

#include <cstdint>
#include <string>

// One knot's pain over the report's period as a small vector line chart: a
// 0-10 axis, calendar-aware date ticks, the ratings, the smoothed trend and
// a marker for each treatment.
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

// The key under the charts: what the line, the dashes and the triangles mean.
void drawTrendLegend(PdfPainter& painter, double left, double top);

} // namespace knotmap::report
