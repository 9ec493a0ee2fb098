#include "store/sqlite_file/open_file.h"

#include "core/local_user.h"
#include "core/staging_path.h"
#include "store/audit_recording.h"
#include "store/backup/backup_catalog.h"
#include "store/migrations.h"
#include "store/open_findings.h"
#include "store/sql/sqlite/sqlite_connection.h"
#include "store/sqlite_file/database_file_check.h"
#include "store/sqlite_file/database_files.h"
#include "store/sqlite_file/sqlite_file_vfs.h"
#include "store/store_error.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <random>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

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

fs::path backupBeforeUpgrade(SQLite::Database& file, const fs::path& path) {
    try {
        const BackupFolderLock lock(path);
        const fs::path target = newBackupPath(path, false);
        (void)backupFromConnection(file, target);
        (void)pruneBackups(path);
        return target;
    } catch (const std::runtime_error& error) {
        throw StoreError(std::string(error.what()) + " (taken before upgrading " + path.string() +
                         ", which was left as it was)");
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
        folder / ("." + path.filename().string() + ".creating-" + std::to_string(::getpid()) + "-" +
                  std::to_string(random() % 1000000));
    // Created here with O_EXCL and 0600 before SQLite sees it: SQLite gives
    // the -wal and -shm the main file's mode, and no umask widens it.
    const int fd = ::open(temporary.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StoreError(path.string() + ": cannot create the database: " + std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    ::close(fd); // a new private file nobody else has opened: no locks to drop
    try {
        // A passphrase given for a database not there yet: it is made encrypted
        // (under the temporary name only while it is made).
        (void)sealLikeDatabase(temporary, path);
        struct Forget {
            const fs::path& file;
            ~Forget() { forgetSealing(file); }
        } forget{temporary};
        auto db = openSqliteFile(temporary, SQLite::OPEN_READWRITE, kCommandBusyTimeoutMs);
        reservePageSpaceIfEncrypted(*db, temporary);
        configureConnection(*db, true, true);
        sql::SqliteConnection connection(std::move(db), path);
        migrate(connection, targetVersion);
        // The schema must be in the file itself before the file takes the
        // database's name: a WAL left under the temporary name (a checkpoint
        // on closing that failed, e.g. on a full disk) would not follow the
        // rename, and the database would open without it.
        SQLite::Statement checkpoint(connection.database(), "PRAGMA wal_checkpoint(TRUNCATE)");
        if (!checkpoint.executeStep() || checkpoint.getColumn(0).getInt() != 0) {
            throw StoreError(path.string() + ": cannot create the database: its schema could "
                                             "not be written into the file");
        }
    } catch (const SQLite::Exception& error) {
        removeDatabaseAndCompanions(temporary);
        throw StoreError(describeSqliteFailure(path, error));
    } catch (const sql::Error& error) {
        removeDatabaseAndCompanions(temporary);
        throw StoreError(path.string() + ": " + error.what());
    } catch (...) {
        removeDatabaseAndCompanions(temporary);
        throw;
    }
    // The connection closed above checkpointed and removed its WAL; one
    // still there holds what the file lacks.
    std::error_code ignored;
    if (fs::exists(temporary.string() + "-wal", ignored)) {
        removeDatabaseAndCompanions(temporary);
        throw StoreError(path.string() + ": cannot create the database: its schema could not be "
                                         "written into the file (is the disk full?)");
    }
    try {
        moveIntoPlace(temporary, path, ExistingTarget::Keep);
    } catch (const std::system_error& error) {
        removeDatabaseAndCompanions(temporary);
        if (error.code() == std::errc::file_exists) {
            return false;
        }
        throw StoreError(path.string() + ": cannot create the database: " + error.code().message());
    }
    // The empty -shm SQLite may have left under the temporary name.
    removeDatabaseAndCompanions(temporary);
    rememberCreated(path);
    return true;
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

Database openDatabaseFile(const fs::path& path, int targetVersion, const OpenOptions& options) {
    requireKeyIfEncrypted(path);
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
    std::unique_ptr<sql::SqliteConnection> connection;
    try {
        db = openSqliteFile(path, report.readOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE);
        // Before the first statement: even reading the schema can meet
        // another process' lock (a checkpoint, a recovery).
        db->setBusyTimeout(options.busyTimeoutMs);
        const std::vector<std::string> suspectTables =
            verifyOpenedDatabase(*db, path, latestSchemaVersion());
        // A database made just now had no schema before.
        connection = std::make_unique<sql::SqliteConnection>(std::move(db), path);
        SQLite::Database& file = connection->database();
        report.versionBefore = report.created ? 0 : schemaVersion(*connection);
        report.created = report.created || report.versionBefore == 0;
        if (!report.created) {
            // Judged at its own version, before anything is migrated or written.
            judgeSchemaAndRows(file, path, suspectTables, options, targetVersion, report);
        }
        configureConnection(file, true, !report.readOnly);
        if (report.readOnly || !report.findings.empty()) {
            if (report.versionBefore < targetVersion && report.findings.empty()) {
                throw StoreError(path.string() +
                                 ": read-only, and written by an older Knotmap "
                                 "(schema version " +
                                 std::to_string(report.versionBefore) +
                                 "); make the file writable once so it can be upgraded");
            }
        } else {
            if (report.versionBefore > 0 && report.versionBefore < targetVersion) {
                // Never migrate the only copy of someone's history: a checked
                // backup into the backups folder first, listed and restorable
                // like any other (knotmap backups, knotmap restore).
                report.backupPath = backupBeforeUpgrade(file, path);
            }
            migrate(*connection, targetVersion);
            // A file has no logins: its audit trail names whoever opened it
            // for writing (a file still at an older version has no trail).
            if (targetVersion >= kSqliteAuditTrailVersion) {
                recordAuditActor(*connection, localUserLogin());
            }
        }
        report.versionAfter = schemaVersion(*connection);
    } catch (const SQLite::Exception& error) {
        throw StoreError(describeSqliteFailure(path, error));
    } catch (const sql::Error& error) {
        throw StoreError(describeSqliteFailure(path, error));
    }
    return {std::move(connection), DatabaseLocation(path), std::move(report)};
}

Database openInMemoryDatabase() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    configureConnection(*db, false, true);
    auto connection = std::make_unique<sql::SqliteConnection>(std::move(db), ":memory:");
    migrate(*connection, latestSchemaVersion());
    recordAuditActor(*connection, localUserLogin());
    OpenReport report;
    report.created = true;
    report.versionAfter = latestSchemaVersion();
    return {std::move(connection), DatabaseLocation(":memory:"), std::move(report)};
}

std::unique_ptr<sql::Connection> openFileReader(const fs::path& path) {
    try {
        auto db = openSqliteFile(path, SQLite::OPEN_READONLY, 5000);
        return std::make_unique<sql::SqliteConnection>(std::move(db), path);
    } catch (const SQLite::Exception& error) {
        throw StoreError(describeSqliteFailure(path, error));
    }
}

} // namespace knotmap
