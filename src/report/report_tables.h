#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <string>
#include <vector>

namespace knotmap::report {

// "Treatment effect": per kind, uses and the two mean changes with their 95%
// intervals, under the caveat that these are observations, not a trial.
[[nodiscard]] std::vector<ReportBlock> effectTableBlocks(const ReportData& data,
                                                         const PdfDocument& document, double width);

// "-1.8 (-2.4 to -1.2), n = 12" with true minus signs; "-" without data;
// an interval only where there are two or more values.
[[nodiscard]] std::string formatEstimate(const std::optional<MeanEstimate>& estimate);

} // namespace knotmap::report
