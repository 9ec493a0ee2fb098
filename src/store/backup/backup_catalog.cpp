#include "store/backup/backup_catalog.h"

#include "core/output_folder.h"
#include "core/timestamp.h"
#include "store/backup/backup_names.h"
#include "store/backup/backup_rotation.h"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <chrono>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

std::int64_t nowUtcSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

void readBackupCounts(BackupEntry& entry) {
    if (entry.encrypted) {
        return;
    }
    try {
        SQLite::Database db(entry.path.string(), SQLite::OPEN_READONLY);
        entry.clients = db.execAndGet("SELECT count(*) FROM client").getInt64();
        entry.sessions = db.execAndGet("SELECT count(*) FROM session").getInt64();
    } catch (const SQLite::Exception&) { // NOLINT(bugprone-empty-catch): listed without counts
    }
}

std::vector<BackupEntry> listBackups(const fs::path& database) {
    std::vector<BackupEntry> entries;
    std::error_code error;
    for (const auto& file : fs::directory_iterator(backupFolderFor(database), error)) {
        const auto name = parseBackupName(database, file.path().filename().string());
        if (!name || !file.is_regular_file(error)) {
            continue;
        }
        BackupEntry entry;
        entry.path = file.path();
        entry.utcSeconds = name->utcSeconds;
        entry.encrypted = name->encrypted;
        entry.bytes = static_cast<std::int64_t>(file.file_size(error));
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const BackupEntry& a, const BackupEntry& b) {
        return a.utcSeconds != b.utcSeconds ? a.utcSeconds > b.utcSeconds : a.path > b.path;
    });
    return entries;
}

fs::path newBackupPath(const fs::path& database, bool encrypted) {
    const fs::path folder = backupFolderFor(database);
    (void)createOutputFolders(folder);
    std::int64_t at = nowUtcSeconds();
    fs::path target = folder / backupFileName(database, at, encrypted);
    std::error_code ignored;
    // Two backups within one second: the second takes the next free second.
    while (fs::exists(target, ignored) ||
           fs::exists(folder / backupFileName(database, at, !encrypted), ignored)) {
        target = folder / backupFileName(database, ++at, encrypted);
    }
    return target;
}

BackupFolderLock::BackupFolderLock(const fs::path& database) {
    const fs::path folder = backupFolderFor(database);
    (void)createOutputFolders(folder);
    // flock on a file of its own: the database's POSIX locks are untouched.
    m_descriptor = ::open((folder / ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (m_descriptor >= 0) {
        while (::flock(m_descriptor, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
}

BackupFolderLock::~BackupFolderLock() {
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
    }
}

BackupSummary takeBackupIntoFolder(const fs::path& database, const crypto::Secret* passphrase) {
    const BackupFolderLock lock(database);
    const fs::path target = newBackupPath(database, passphrase != nullptr);
    BackupSummary summary = backupDatabaseFile(database, target, passphrase);
    (void)pruneBackups(database);
    return summary;
}

std::vector<fs::path> pruneBackups(const fs::path& database) {
    const std::vector<BackupEntry> entries = listBackups(database);
    std::vector<std::int64_t> times;
    times.reserve(entries.size());
    for (const BackupEntry& entry : entries) {
        times.push_back(entry.utcSeconds);
    }
    std::vector<fs::path> removed;
    for (const std::size_t index : backupsToPrune(times, nowUtcSeconds())) {
        std::error_code error;
        if (fs::remove(entries[index].path, error)) {
            removed.push_back(entries[index].path);
        }
    }
    return removed;
}

} // namespace knotmap
