#include "store/backup/backup_catalog.h"

#include "core/output_folder.h"
#include "core/timestamp.h"
#include "store/backup/backup_names.h"
#include "store/backup/backup_rotation.h"
#include "store/sqlite_file/sqlite_file_vfs.h"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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
        const auto db = openSqliteFile(entry.path, SQLite::OPEN_READONLY);
        entry.clients = db->execAndGet("SELECT count(*) FROM client").getInt64();
        entry.sessions = db->execAndGet("SELECT count(*) FROM session").getInt64();
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

namespace {

// The backups folders a held BackupFolderLock made (by its descriptor): a
// backup that fails before its first file (a full disk) removes them again,
// leaving the database's folder as it was. Locks may be held on several
// threads (the window's daily backup, an import).
std::mutex g_createdMutex;
std::map<int, std::vector<fs::path>> g_createdByLock;

} // namespace

BackupFolderLock::BackupFolderLock(const fs::path& database) {
    const fs::path folder = backupFolderFor(database);
    const fs::path lockFile = folder / ".lock";
    std::vector<fs::path> created;
    int attempts = 0;
    for (;;) {
        for (fs::path& made : createOutputFolders(folder)) {
            created.push_back(std::move(made));
        }
        // flock on a file of its own: the database's POSIX locks are untouched.
        m_descriptor = ::open(lockFile.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (m_descriptor < 0 && errno == ENOENT && ++attempts < 100) {
            continue; // the holder before removed the folder it made: make it again
        }
        if (m_descriptor < 0) {
            throw std::runtime_error(lockFile.string() +
                                     ": cannot lock the backups folder: " + std::strerror(errno));
        }
        while (::flock(m_descriptor, LOCK_EX) != 0 && errno == EINTR) {
        }
        // The holder before may have removed the lock file with the folder
        // it had made (see the destructor): a lock on a removed file guards
        // nothing, so the file now at the path is locked instead.
        struct stat held {};
        struct stat current {};
        if (::fstat(m_descriptor, &held) == 0 && ::stat(lockFile.c_str(), &current) == 0 &&
            held.st_dev == current.st_dev && held.st_ino == current.st_ino) {
            break;
        }
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    if (m_descriptor >= 0 && !created.empty()) {
        const std::lock_guard<std::mutex> guard(g_createdMutex);
        g_createdByLock[m_descriptor] = std::move(created);
    }
}

BackupFolderLock::~BackupFolderLock() {
    if (m_descriptor < 0) {
        return;
    }
    std::vector<fs::path> created;
    {
        const std::lock_guard<std::mutex> guard(g_createdMutex);
        if (const auto found = g_createdByLock.find(m_descriptor); found != g_createdByLock.end()) {
            created = std::move(found->second);
            g_createdByLock.erase(found);
        }
    }
    if (!created.empty()) {
        // Made by this lock and still holding nothing but the lock file: no
        // backup was written, so the folder goes (while the lock is held;
        // a program waiting for it sees the file gone and locks anew).
        const fs::path folder = created.back();
        std::error_code error;
        bool onlyLock = true;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            onlyLock = onlyLock && entry.path().filename() == ".lock";
        }
        if (!error && onlyLock) {
            ::unlink((folder / ".lock").c_str());
            removeEmptyFolders(created);
        }
    }
    ::close(m_descriptor);
}

BackupSummary takeBackupIntoFolder(const fs::path& database, const crypto::Secret* passphrase,
                                   const BackupProgress& progress) {
    const BackupFolderLock lock(database);
    const fs::path target = newBackupPath(database, passphrase != nullptr);
    BackupSummary summary = backupDatabaseFile(database, target, passphrase, progress);
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
