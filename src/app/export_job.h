#pragma once

#include "app/worker_result.h"
#include "store/database_location.h"
#include "store/export_files.h"
#include "store/fhir/fhir_files.h"
#include "ui/dialogs/export_dialog.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap {

// How an export from the window went.
struct ExportJobResult {
    ui::ExportFormat format = ui::ExportFormat::Csv;
    std::string target;              // the file or folder asked for
    std::vector<ExportedFile> files; // CSV: complete files in place (for all tables, maybe a few)
    std::vector<FhirFile> fhirFiles; // FHIR: the Bundle, or the NDJSON files, all complete
    std::string error;               // empty on success and on cancel
    bool cancelled = false;
    bool encrypted = false; // files are the tables inside one archive at target

    [[nodiscard]] std::int64_t rows() const;      // CSV rows written
    [[nodiscard]] std::int64_t resources() const; // FHIR resources written
    // The notice banner's line above target after a success: "Exported
    // 1,234 rows in 5 files to:", "Exported 2,345 FHIR resources in one
    // Bundle to:".
    [[nodiscard]] std::string successMessage() const;
    // The dialog's line after a cancel: what, if anything, was left.
    [[nodiscard]] std::string cancelledMessage() const;
};

// Writes an export (CSV or FHIR) on a worker thread with its own
// connection: the largest take seconds, and the window keeps drawing (and
// can cancel) meanwhile. Progress is read from the UI thread through
// atomics; for FHIR it counts records (clients, knots, sessions,
// observations, treatments), as store/fhir/fhir_export.h reports them.
class ExportJob {
public:
    explicit ExportJob(DatabaseLocation database) : m_databasePath(std::move(database)) {}
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;
    // Cancels a running export and waits for it: no partial file is left.
    ~ExportJob() { m_cancel = true; }

    [[nodiscard]] bool running() const { return m_result.running(); }
    // Starts the request's export; false while another one is running.
    bool start(const ui::ExportRequest& request);
    // Asks the worker to stop at its next progress step (a few ms away).
    void cancel() { m_cancel = true; }
    [[nodiscard]] std::int64_t rowsDone() const { return m_rowsDone; }
    // The rows (FHIR: records) the export will write; -1 while they are
    // being counted.
    [[nodiscard]] std::int64_t rowsTotal() const { return m_rowsTotal; }
    // The outcome once the worker is done (once), else none.
    [[nodiscard]] std::optional<ExportJobResult> takeFinished() { return m_result.takeFinished(); }

private:
    ExportJobResult run(const ui::ExportRequest& request);

    DatabaseLocation m_databasePath;
    std::atomic<std::int64_t> m_rowsDone{0};
    std::atomic<std::int64_t> m_rowsTotal{-1};
    std::atomic<bool> m_cancel{false};
    WorkerResult<ExportJobResult> m_result; // last: waits for the worker before the rest goes
};

} // namespace knotmap
