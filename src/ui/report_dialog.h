#pragma once

#include "core/domain.h"
#include "ui/appearance.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap::ui {

// What the report dialog asks the app to write (app/report_job.h does it
// off the UI thread: the ui layer does not draw PDFs).
struct ReportRequest {
    Id clientId = 0;
    std::string path;
    bool letter = false; // US Letter instead of A4
};

struct ReportDialogState {
    bool openRequested = false;           // File > Client report, or Ctrl+P
    std::string pathText;                 // the dialog's file field
    int paper = 0;                        // 0 A4, 1 Letter
    std::optional<ReportRequest> request; // taken by the app
    bool running = false;                 // set by the app while a report is written
};

// The path the dialog offers: folder/knotmap-report-client-12-JS-2026-11-21.pdf,
// the client's id and initials (clientFileLabel), never the name.
[[nodiscard]] std::string defaultReportPath(const std::filesystem::path& folder, Id clientId,
                                            std::string_view clientName, const std::string& today);

// The "Client report (PDF)" popup for client: a file name and the paper size.
// Call every frame; it opens when state.openRequested is set.
void drawReportDialog(ReportDialogState& state, Id clientId, const std::string& clientName,
                      const Appearance& look);

} // namespace knotmap::ui
