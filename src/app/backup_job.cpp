#include "app/backup_job.h"

#include "app/backup_writer.h"

#include <chrono>
#include <exception>

namespace knotmap {

BackupJob::~BackupJob() {
    if (m_result.valid()) {
        m_result.wait();
    }
}

bool BackupJob::start(const ui::BackupRequest& request) {
    if (running()) {
        return false;
    }
    m_result = std::async(std::launch::async, [database = m_database, request] {
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

std::optional<BackupJobResult> BackupJob::takeFinished() {
    if (!m_result.valid() ||
        m_result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        return std::nullopt;
    }
    return m_result.get();
}

} // namespace knotmap
