#pragma once

#include "app/worker_result.h"
#include "store/database_location.h"
#include "ui/dialogs/report_dialog.h"

#include <filesystem>
#include <optional>
#include <string>

namespace knotmap {

// How a report written from the window went.
struct ReportJobResult {
    std::string path;
    int pages = 0;
    std::string error; // empty on success
};

// Writes a client report on a worker thread with its own connection, so the
// window keeps drawing while libharu lays out the pages.
class ReportJob {
public:
    explicit ReportJob(DatabaseLocation database) : m_databasePath(std::move(database)) {}
    ReportJob(const ReportJob&) = delete;
    ReportJob& operator=(const ReportJob&) = delete;
    [[nodiscard]] bool running() const { return m_result.running(); }
    // Starts writing request's report; false while another one is running.
    bool start(const ui::ReportRequest& request);
    // The outcome once the worker is done (once), else none.
    [[nodiscard]] std::optional<ReportJobResult> takeFinished() { return m_result.takeFinished(); }

private:
    DatabaseLocation m_databasePath;
    WorkerResult<ReportJobResult> m_result; // closing waits for the PDF to be written
};

} // namespace knotmap
