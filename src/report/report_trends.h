#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <cstddef>
#include <vector>

namespace knotmap::report {

// How many knots get a trend chart: the most painful few, so the page shows
// what needs attention rather than every knot ever charted.
inline constexpr std::size_t kChartedKnots = 4;

// The number of charts drawn for data: kChartedKnots or fewer.
[[nodiscard]] std::size_t chartedKnotCount(const ReportData& data);

// The "Pain trends" section: a heading, rows of two charts (one block per
// row, so a chart is never split across pages) and the key.
[[nodiscard]] std::vector<ReportBlock> trendBlocks(const ReportData& data,
                                                   const PdfDocument& document, double width);

} // namespace knotmap::report
