#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace knotmap::report {

struct ReportOptions {
    Paper paper = Paper::A4;
    std::filesystem::path output; // "-": standard output
    std::string generatedDate;    // shown in the title and footer, "YYYY-MM-DD"
    CheckInDetail checkIns = CheckInDetail::Weekly;
    // Told the pages drawn so far of all, as the pages are drawn (laying
    // them out comes first and is not counted); for a progress bar.
    std::function<void(int pagesDone, int pageCount)> progress;
};

struct ReportResult {
    int pages = 0;
    std::string fontFamily; // the font embedded in the file
};

// The report's blocks in order, before pagination: summary, body map, pain
// trends, treatment effect, therapy visits in full, then the self check-ins
// as options.checkIns asks. (The tests read their text.)
[[nodiscard]] std::vector<ReportBlock>
layoutReport(const ReportData& data, const PdfDocument& document, const ReportOptions& options);

// Lays out and writes the client report as a PDF, as an OutputFile
// (core/output_file.h): 0600, in place only when complete, a failure leaves
// no half-written file. Throws std::runtime_error naming the file.
ReportResult writeReport(const ReportData& data, const ReportOptions& options);

} // namespace knotmap::report
