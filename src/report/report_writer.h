#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <filesystem>
#include <string>

namespace knotmap::report {

struct ReportOptions {
    Paper paper = Paper::A4;
    std::filesystem::path output;
    std::string generatedDate; // shown in the title and footer, "YYYY-MM-DD"
};

struct ReportResult {
    int pages = 0;
    std::string fontFamily; // the font embedded in the file
};

// Lays out and writes the client report as a PDF, as an OutputFile
// (core/output_file.h): 0600, in place only when complete, a failure leaves
// no half-written file. Throws std::runtime_error naming the file.
ReportResult writeReport(const ReportData& data, const ReportOptions& options);

} // namespace knotmap::report
