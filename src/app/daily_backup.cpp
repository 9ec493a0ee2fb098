#include "app/daily_backup.h"

#include "store/backup/backup_catalog.h"
#include "store/sqlite_file/sqlite_file_vfs.h"

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <iostream>

namespace knotmap {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

bool holdsRecords(const std::filesystem::path& database) {
    const auto db = openSqliteFile(database, SQLite::OPEN_READONLY);
    return db->execAndGet("SELECT EXISTS (SELECT 1 FROM client) OR EXISTS (SELECT 1 FROM session)")
               .getInt() != 0;
}

void backUpIfDue(const std::filesystem::path& database) {
    try {
        const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        const std::vector<BackupEntry> backups = listBackups(database);
        if ((!backups.empty() && backups.front().utcSeconds > now - kDay) ||
            !holdsRecords(database)) {
            return;
        }
        (void)takeBackupIntoFolder(database); // quiet: only a failure is worth a line
    } catch (const std::exception& error) {
        std::cerr << "knotmap: the daily backup was not taken: " << error.what() << "\n";
    }
}

} // namespace

DailyBackup::DailyBackup(std::filesystem::path database)
    : m_worker([database = std::move(database)] { backUpIfDue(database); }) {}

DailyBackup::~DailyBackup() {
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

} // namespace knotmap
