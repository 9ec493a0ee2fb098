#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <vector>

namespace knotmap::report {

// "Therapy visits": each visit as the clinical record, oldest first: date,
// time and therapist; signed by whom and when, or that it is unsigned; the
// ratings of the day; the knots rated and treatments given; the SOAP fields
// and notes in full, wrapped over as many lines and pages as they need; and
// every amendment with the value it replaced.
[[nodiscard]] std::vector<ReportBlock> visitBlocks(const ReportData& data,
                                                   const PdfDocument& document, double width);

// The blocks of one visit (used by visitBlocks).
[[nodiscard]] std::vector<ReportBlock> visitRecordBlocks(const VisitRecord& visit,
                                                         const PdfDocument& document, double width);

// "Signed by Dr Ana Ruiz on 2026-03-14 18:02", or the unsigned notice.
[[nodiscard]] std::string signatureText(const VisitRecord& visit);

} // namespace knotmap::report
