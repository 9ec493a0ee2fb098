#include "app/backup_job.h"

#include "app/backup_writer.h"

#include <chrono>
#include <exception>

namespace knotmap {

bool BackupJob::start(const ui::BackupRequest& request) {
    if (running()) {
        return false;
    }
    m_result.start([database = m_database, request] {
        BackupJobResult result;
        try {
            result.summary = takeBackup(database, request.path, request.passphrase.get());
        } catch (const std::exception& error) {
            result.error = error.what();
        }
        return result;
    });
    return true;
}

} // namespace knotmap
