#include "store/database.h"

#include "core/timestamp.h"
#include "store/database_file_check.h"
#include "store/migrations.h"
#include "store/store_error.h"

#include <SQLiteCpp/Backup.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

void configureConnection(SQLite::Database& db, bool onDisk) {
    db.exec("PRAGMA foreign_keys = ON");
    db.setBusyTimeout(5000);
    if (onDisk) {
        // WAL lets the UI read while a background import or demo writes.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
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

} // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path, OpenReport report)
    : m_db(std::move(db)), m_path(std::move(path)), m_report(std::move(report)) {}

Database Database::open(const fs::path& path) {
    return openFile(path, latestSchemaVersion());
}

Database Database::openAtVersion(const fs::path& path, int targetVersion) {
    return openFile(path, targetVersion);
}

Database Database::openFile(const fs::path& path, int targetVersion) {
    const DatabaseFileState state = prepareDatabaseFile(path, latestSchemaVersion());
    OpenReport report;
    report.created = state != DatabaseFileState::Existing;
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
        configureConnection(*db, true);
        report.versionBefore = schemaVersion(*db);
        if (report.versionBefore > 0 && report.versionBefore < targetVersion) {
            // Never migrate the only copy of someone's history.
            report.backupPath = backupPathFor(path, report.versionBefore);
            backupDatabase(*db, *report.backupPath);
        }
        migrate(*db, targetVersion);
        report.versionAfter = schemaVersion(*db);
    } catch (const SQLite::Exception& error) {
        throw StoreError(path.string() + ": " + error.what());
    }
    return Database(std::move(db), path, std::move(report));
}

Database Database::openInMemory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    configureConnection(*db, false);
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

void backupDatabase(SQLite::Database& source, const fs::path& destination) {
    const int fd = ::open(destination.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StoreError(destination.string() +
                         ": cannot create the backup copy: " + std::strerror(errno));
    }
    ::close(fd);
    try {
        SQLite::Database target(destination.string(), SQLite::OPEN_READWRITE);
        SQLite::Backup backup(target, source);
        backup.executeStep(-1);
    } catch (const SQLite::Exception& error) {
        std::error_code ignored;
        fs::remove(destination, ignored);
        throw StoreError(destination.string() + ": cannot write the backup copy: " + error.what());
    }
}

} // namespace knotmap
