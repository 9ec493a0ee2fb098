#pragma once

#include "app/worker_result.h"
#include "core/import_problems.h"
#include "store/database_location.h"
#include "store/fhir/fhir_import.h"
#include "store/import_check.h"
#include "store/simple_import.h"
#include "ui/dialogs/import_dialog.h"
#include "ui/shell/main_screen.h"

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap {

// How a check or an import from the window went.
struct ImportJobResult {
    bool write = false;                       // the request wrote (or tried to)
    std::string format;                       // what the path was recognised as
    bool simpleFormat = false;                // the simple format: whose rows they are matters
    std::string clientName;                   // simple format: the name the request gave
    std::optional<ImportPlan> plan;           // Knotmap's own export, checked or written
    std::optional<SimpleImportResult> simple; // the simple format, checked or written
    std::optional<FhirImportResult> fhir;     // a FHIR Bundle or NDJSON, checked or written
    std::optional<ImportProblems> problems;   // refused: every row's problem
    // A file database with records in it is backed up before a write: the
    // check says so, the write names the backup.
    bool backupFirst = false;
    std::optional<std::filesystem::path> backup;
    std::string error; // anything else that stopped it
    // A CSV whose header is no format Knotmap knows: its columns, for the
    // person to say which hold what (empty otherwise).
    std::vector<std::string> header;
    bool cancelled = false;
};

// The window's import: the same checks and the same one transaction as
// `knotmap import`, on a worker thread with its own connection, so the
// window keeps drawing a progress bar and can cancel. A cancelled write is
// rolled back: nothing of it stays.
class ImportJob {
public:
    explicit ImportJob(DatabaseLocation database) : m_database(std::move(database)) {}
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;
    // Cancels a running job and waits for it: a write is rolled back.
    ~ImportJob() { m_cancel = true; }

    [[nodiscard]] bool running() const { return m_result.running(); }
    // Starts the request; false while another one runs.
    bool start(const ui::ImportRequest& request);
    void cancel() { m_cancel = true; }
    // The share of the files' bytes read so far; below 0 when unknown.
    [[nodiscard]] float fraction() const { return m_fraction; }
    [[nodiscard]] std::optional<ImportJobResult> takeFinished() { return m_result.takeFinished(); }

private:
    ImportJobResult run(const ui::ImportRequest& request);

    DatabaseLocation m_database;
    std::atomic<bool> m_cancel{false};
    std::atomic<float> m_fraction{-1.0f};
    WorkerResult<ImportJobResult> m_result; // last: waits for the worker before the rest goes
};

// Starts what the import dialog asked for, keeps its stage and progress
// current, and puts the outcome on the notice banner. True on the frame an
// import was written (the window reads the database again).
bool runImportJob(ImportJob& job, ui::MainScreenState& state);

// The --test-report lines of the import dialog, for end-to-end tests:
//   import-stage choose|checking|preview|problems|importing|done
//   import-progress PERCENT             (checking, importing: of both readings when importing)
//   import-whose NAME                   (simple format: whose ratings; empty: the only client)
//   import-format TEXT                  (preview)
//   import-rule TEXT                    (preview of a sheet: how its ratings became 0-10)
//   import-area TEXT|CODES|ROWS         (preview of a sheet: a body area, its atlas codes
//                                        joined with '+', its ratings)
//   import-unmapped TEXT|ROWS           (preview of a sheet: a body area no region matches)
//   import-other TEXT                   (preview of a sheet: the entries that are not pain)
//   import-count WHAT N                 (preview, one per count)
//   import-map-columns N                (the mapping form: the header's number of columns)
//   import-map-pick ROLE COLUMN         (the mapping form: date, region, pain, time, notes)
//   import-problem FILE LINE COLUMN     (problems, one per listed problem)
//   import-problems N                   (problems: how many in all)
//   import-outcome TEXT                 (done, or a cancelled check)
[[nodiscard]] std::string importReportLines(const ui::ImportDialogState& dialog);

} // namespace knotmap
