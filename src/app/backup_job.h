#pragma once

#include "app/worker_result.h"
#include "store/backup/backup_file.h"
#include "store/database_location.h"
#include "ui/dialogs/backup_dialog.h"

#include <optional>
#include <string>

namespace knotmap {

// How File > Back up now… went.
struct BackupJobResult {
    std::optional<BackupSummary> summary; // none when it failed
    std::string error;
};

// Takes the window's backup on a worker thread (app/backup_writer.h): a
// large database takes seconds to copy and check, and the window keeps
// drawing and saving meanwhile (SQLite's backup reads one snapshot).
class BackupJob {
public:
    explicit BackupJob(DatabaseLocation database) : m_database(std::move(database)) {}
    BackupJob(const BackupJob&) = delete;
    BackupJob& operator=(const BackupJob&) = delete;
    [[nodiscard]] bool running() const { return m_result.running(); }
    // Starts the request's backup; false while another one runs.
    bool start(const ui::BackupRequest& request);
    // The outcome once the worker is done (once), else none.
    [[nodiscard]] std::optional<BackupJobResult> takeFinished() { return m_result.takeFinished(); }

private:
    DatabaseLocation m_database;
    // Waits for a backup under way as it goes: closing never leaves a partial one.
    WorkerResult<BackupJobResult> m_result;
};

} // namespace knotmap
