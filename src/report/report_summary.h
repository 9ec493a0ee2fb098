#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <string>
#include <vector>

namespace knotmap::report {

// The report's title and the client summary: who, which dates, how many
// sessions and knots, and how overall pain moved (with its clinical band).
[[nodiscard]] std::vector<ReportBlock> summaryBlocks(const ReportData& data,
                                                     const PdfDocument& document,
                                                     const std::string& generatedDate);

// "2026-01-01 to 2026-03-31": the requested dates where given, else the
// dates of the first and last session in the report.
[[nodiscard]] std::string periodText(const ReportData& data);

// The summary's overall pain line: the headline of the window's overview
// (core/range_change.h) and what it compared.
[[nodiscard]] std::string overallPainText(const ReportData& data);

} // namespace knotmap::report
