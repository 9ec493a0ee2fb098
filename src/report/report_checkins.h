#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <vector>

namespace knotmap::report {

// "Self check-ins" as detail asks: one row a week (the count, the overall
// pain's range and mean, the regions rated most), every check-in in full
// (notes never shortened), or a line saying how many were left out.
[[nodiscard]] std::vector<ReportBlock> checkInBlocks(const ReportData& data,
                                                     const PdfDocument& document, double width,
                                                     CheckInDetail detail);

// "weekly", "full", "none": the CLI's words, for messages.
[[nodiscard]] std::string_view toCode(CheckInDetail detail);
[[nodiscard]] std::optional<CheckInDetail> checkInDetailFromCode(std::string_view code);

} // namespace knotmap::report
