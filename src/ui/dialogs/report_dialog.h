#pragma once

#include "core/domain.h"
#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap::ui {

// What the report dialog asks the app to write (app/report_job.h does it
// off the UI thread: the ui layer does not draw PDFs).
// How the self check-ins appear in the report (report::CheckInDetail; the
// ui layer does not link the report library). A summary per week is the
// default: a daily log would otherwise bury the therapy visits.
enum class ReportCheckIns { Weekly, Full, None };

struct ReportRequest {
    Id clientId = 0;
    std::string path;
    bool letter = false; // US Letter instead of A4
    ReportCheckIns checkIns = ReportCheckIns::Weekly;
};

struct ReportDialogState {
    bool openRequested = false;           // File > Client report, or Ctrl+P
    std::string pathText;                 // the dialog's file field
    FileChooserSlot chooser;              // Choose… beside the field: fills pathText
    int paper = 0;                        // 0 A4, 1 Letter
    int checkIns = 0;                     // 0 weekly summary, 1 in full, 2 left out
    std::optional<ReportRequest> request; // taken by the app
    bool running = false;                 // set by the app while a report is written
};

// The path the dialog offers: folder/knotmap-report-client-12-JS-2026-11-21.pdf,
// the client's id and initials (clientFileLabel), never the name.
[[nodiscard]] std::string defaultReportPath(const std::filesystem::path& folder, Id clientId,
                                            std::string_view clientName, const std::string& today);

// What "Create report" asks for, from the dialog's choices.
[[nodiscard]] ReportRequest reportRequest(const ReportDialogState& state, Id clientId);

// The "Client report (PDF)" popup for client: a file name, the paper size
// and how to show the self check-ins.
// Call every frame; it opens when state.openRequested is set.
void drawReportDialog(ReportDialogState& state, Id clientId, const std::string& clientName,
                      const Appearance& look);

} // namespace knotmap::ui
