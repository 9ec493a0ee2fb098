#include "store/database.h"

#include "core/timestamp.h"
#include "store/database_file_check.h"
#include "store/migrations.h"
#include "store/open_findings.h"
#include "store/store_error.h"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <random>
#include <set>
#include <utility>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

void configureConnection(SQLite::Database& db, bool onDisk, bool writable) {
    db.exec("PRAGMA foreign_keys = ON");
    if (onDisk && writable) {
        // WAL lets the UI read while a background import or demo writes.
        // FULL syncs the WAL at every commit: a save the window showed
        // survives a power cut (NORMAL would only sync at checkpoints).
        db.exec("PRAGMA journal_mode = WAL");
    }
    db.exec("PRAGMA synchronous = FULL");
}

// "knotmap.db" -> "knotmap.v1-backup-20261121-052400.db", beside the original.
fs::path backupPathFor(const fs::path& path, int version) {
    const CivilDateTime now = LocalTimestamp::now().utc();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.year, now.month, now.day,
                  now.hour, now.minute, now.second);
    const std::string base =
        path.stem().string() + ".v" + std::to_string(version) + "-backup-" + stamp;
    fs::path candidate = path.parent_path() / (base + path.extension().string());
    for (int n = 2; fs::exists(candidate); ++n) {
        candidate =
            path.parent_path() / (base + "-" + std::to_string(n) + path.extension().string());
    }
    return candidate;
}

void fsyncFolder(const fs::path& folder) {
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}


// The files this process created (device and inode): only those may be
// removed when the command that created them fails. Another process may have
// created the same path a moment earlier and be using it.
std::mutex createdMutex;
std::set<std::pair<dev_t, ino_t>> createdFiles;

void rememberCreated(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        const std::lock_guard lock(createdMutex);
        createdFiles.emplace(info.st_dev, info.st_ino);
    }
}

// Hidden files left by a process killed while creating path's database
// (".knotmap.db.creating-PID-N"): removed once that process is gone.
void removeAbandonedCreations(const fs::path& path) {
    const std::string prefix = "." + path.filename().string() + ".creating-";
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(
             path.parent_path().empty() ? fs::path(".") : path.parent_path(), error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) {
            continue;
        }
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            removeDatabaseAndCompanions(entry.path());
        }
    }
}

// A new database appears at its path complete or not at all: it is built
// under a hidden temporary name (schema, WAL mode) and moved into place
// without replacing anything. A kill while creating leaves no half-made
// database at path, only the hidden file. Returns false when another process
// created path in the meantime (its database is then used).
bool createDatabaseFile(const fs::path& path, int targetVersion) {
    createMissingFolders(path);
    removeAbandonedCreations(path);
    const fs::path folder = path.parent_path();
    std::random_device random;
    const fs::path temporary =
        folder / ("." + path.filename().string() + ".creating-" + std::to_string(::getpid()) +
                  "-" + std::to_string(random() % 1000000));
    // Created here with O_EXCL and 0600 before SQLite sees it: SQLite gives
    // the -wal and -shm the main file's mode, and no umask widens it.
    const int fd = ::open(temporary.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StoreError(path.string() + ": cannot create the database: " + std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    ::close(fd); // a new private file nobody else has opened: no locks to drop
    try {
        SQLite::Database db(temporary.string(), SQLite::OPEN_READWRITE);
        db.setBusyTimeout(kCommandBusyTimeoutMs);
        configureConnection(db, true, true);
        migrate(db, targetVersion);
    } catch (const SQLite::Exception& error) {
        removeDatabaseAndCompanions(temporary);
        throw StoreError(describeSqliteFailure(path, error));
    } catch (...) {
        removeDatabaseAndCompanions(temporary);
        throw;
    }
    // The connection closed above checkpointed and removed its WAL.
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
        fsyncFolder(folder);
        rememberCreated(path);
        return true;
    }
    int problem = errno;
    if (problem == EINVAL || problem == ENOSYS) {
        // File systems without RENAME_NOREPLACE: link() also refuses to replace.
        if (::link(temporary.c_str(), path.c_str()) == 0) {
            removeDatabaseAndCompanions(temporary);
            fsyncFolder(folder);
            rememberCreated(path);
            return true;
        }
        problem = errno;
    }
    removeDatabaseAndCompanions(temporary);
    if (problem == EEXIST) {
        return false;
    }
    throw StoreError(path.string() + ": cannot create the database: " + std::strerror(problem));
}

// Compares the file with Knotmap's schema at its version and finds the rows
// breaking constraints where there is cause; what follows is the caller's
// choice (OpenOptions::onFindings). A file with findings is never migrated.
void judgeSchemaAndRows(SQLite::Database& db, const fs::path& path,
                        const std::vector<std::string>& suspectTables, const OpenOptions& options,
                        int targetVersion, OpenReport& report) {
    const bool hide = options.onFindings == FindingsPolicy::ReadOnlyHide;
    report.findings = inspectDatabase(db, report.versionBefore, suspectTables, false,
                                      hide ? BadRowHandling::Hide : BadRowHandling::Report);
    if (report.findings.empty() || options.onFindings == FindingsPolicy::Report) {
        return;
    }
    if (!hide || report.versionBefore < targetVersion) {
        throw StoreError(refusalMessage(path, report.findings));
    }
    // Writing through a schema that lost its checks could store more bad data.
    report.readOnly = true;
    db.exec("PRAGMA query_only = 1");
}

} // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path, OpenReport report)
    : m_db(std::move(db)), m_path(std::move(path)), m_report(std::move(report)) {}

Database Database::open(const fs::path& path, const OpenOptions& options) {
    return openFile(path, latestSchemaVersion(), options);
}

Database Database::openAtVersion(const fs::path& path, int targetVersion) {
    return openFile(path, targetVersion, OpenOptions{});
}

Database Database::openFile(const fs::path& path, int targetVersion, const OpenOptions& options) {
    const PathAssessment assessment = assessDatabasePath(path, options);
    OpenReport report;
    report.readOnly = assessment.readOnly;
    if (assessment.state == PathState::Missing) {
        report.created = createDatabaseFile(path, targetVersion);
    } else if (assessment.state == PathState::Existing) {
        checkDatabaseHeader(path, latestSchemaVersion());
    } else {
        // An empty file becomes a database of health data: private, as a new one.
        ::chmod(path.c_str(), 0600);
    }
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(
            path.string(), report.readOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE);
        // Before the first statement: even reading the schema can meet
        // another process' lock (a checkpoint, a recovery).
        db->setBusyTimeout(options.busyTimeoutMs);
        const std::vector<std::string> suspectTables =
            verifyOpenedDatabase(*db, path, latestSchemaVersion());
        // A database made just now had no schema before.
        report.versionBefore = report.created ? 0 : schemaVersion(*db);
        report.created = report.created || report.versionBefore == 0;
        if (!report.created) {
            // Judged at its own version, before anything is migrated or written.
            judgeSchemaAndRows(*db, path, suspectTables, options, targetVersion, report);
        }
        configureConnection(*db, true, !report.readOnly);
        if (report.readOnly || !report.findings.empty()) {
            if (report.versionBefore < targetVersion && report.findings.empty()) {
                throw StoreError(path.string() + ": read-only, and written by an older Knotmap "
                                                 "(schema version " +
                                 std::to_string(report.versionBefore) +
                                 "); make the file writable once so it can be upgraded");
            }
        } else {
            if (report.versionBefore > 0 && report.versionBefore < targetVersion) {
                // Never migrate the only copy of someone's history.
                report.backupPath = backupPathFor(path, report.versionBefore);
                backupDatabase(*db, *report.backupPath);
            }
            migrate(*db, targetVersion);
        }
        report.versionAfter = schemaVersion(*db);
    } catch (const SQLite::Exception& error) {
        throw StoreError(describeSqliteFailure(path, error));
    }
    return Database(std::move(db), path, std::move(report));
}

Database Database::openInMemory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    configureConnection(*db, false, true);
    migrate(*db, latestSchemaVersion());
    OpenReport report;
    report.created = true;
    report.versionAfter = latestSchemaVersion();
    return Database(std::move(db), ":memory:", std::move(report));
}

bool Database::holdsNoUserData() {
    return m_db->execAndGet("SELECT NOT EXISTS (SELECT 1 FROM client) AND "
                            "NOT EXISTS (SELECT 1 FROM session) AND "
                            "NOT EXISTS (SELECT 1 FROM knot)")
               .getInt() != 0;
}

bool isDatabaseOrCompanion(const fs::path& path, const fs::path& other) {
    struct stat target {};
    if (::stat(other.c_str(), &target) != 0) {
        return false;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat info {};
        if (::stat((path.string() + suffix).c_str(), &info) == 0 &&
            info.st_dev == target.st_dev && info.st_ino == target.st_ino) {
            return true;
        }
    }
    return false;
}

bool createdByThisProcess(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return false;
    }
    const std::lock_guard lock(createdMutex);
    return createdFiles.contains({info.st_dev, info.st_ino});
}

void removeDatabaseAndCompanions(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(path.string() + suffix, ignored);
    }
}

bool isLockContention(const std::exception& error) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error);
    return sqlite != nullptr &&
           (sqlite->getErrorCode() == SQLITE_BUSY || sqlite->getErrorCode() == SQLITE_LOCKED);
}

void backupDatabase(SQLite::Database& source, const fs::path& destination) {
    const int fd = ::open(destination.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StoreError(destination.string() +
                         ": cannot create the backup copy: " + std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    try {
        SQLite::Database target(destination.string(), SQLite::OPEN_READWRITE);
        target.setBusyTimeout(kCommandBusyTimeoutMs);
        SQLite::Backup backup(target, source);
        backup.executeStep(-1);
    } catch (const SQLite::Exception& error) {
        removeDatabaseAndCompanions(destination);
        throw StoreError(destination.string() + ": cannot write the backup copy: " + error.what());
    }
}

} // namespace knotmap
