#pragma once

#include "store/open_findings.h"
#include "store/open_options.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace knotmap {

// What happened while opening, for the user to be told.
struct OpenReport {
    bool created = false;                            // a new, empty database was initialised
    int versionBefore = 0;                           // schema version found in the file
    int versionAfter = 0;                            // schema version after migrating
    std::optional<std::filesystem::path> backupPath; // written before migrating existing data
    bool readOnly = false; // opened read-only: the user may read but not write the file
    // The schema differs from Knotmap's or rows break its constraints; only
    // with FindingsPolicy::ReadOnlyHide (then readOnly is set) or Report.
    OpenFindings findings;
};

// An open Knotmap database: checked, migrated to the current schema, foreign
// keys on, WAL journal with durable commits (synchronous = FULL), busy
// timeout. One per thread. Every write goes through WriteTransaction, which
// starts with BEGIN IMMEDIATE.
class Database {
public:
    // Opens and migrates the file at path; creates it (mode 0600, folders
    // 0700) when absent and options allow. Throws StoreError with a one-line
    // message naming the file; a file that cannot be used safely is never
    // modified. SQLite itself judges the file, so a WAL not yet checkpointed
    // or a hot journal left by a crash is recovered, not refused.
    static Database open(const std::filesystem::path& path, const OpenOptions& options = {});
    // Opens the file at path without migrating past targetVersion (tests).
    static Database openAtVersion(const std::filesystem::path& path, int targetVersion);
    // A private in-memory database with the current schema (tests).
    static Database openInMemory();

    [[nodiscard]] SQLite::Database& sql() { return *m_db; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const OpenReport& openReport() const { return m_report; }
    [[nodiscard]] bool readOnly() const { return m_report.readOnly; }
    // How long a write waits for another program's lock before failing with
    // SQLITE_BUSY (the window waits briefly and retries in the background).
    void setBusyTimeout(int milliseconds) { m_db->setBusyTimeout(milliseconds); }
    // True when no client, session or knot has been saved yet.
    [[nodiscard]] bool holdsNoUserData();

private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, OpenReport report);
    static Database openFile(const std::filesystem::path& path, int targetVersion,
                             const OpenOptions& options);

    std::unique_ptr<SQLite::Database> m_db;
    std::filesystem::path m_path;
    OpenReport m_report;
};

// True when error is SQLite saying another connection holds the lock
// (SQLITE_BUSY or SQLITE_LOCKED): the write may succeed if tried again.
[[nodiscard]] bool isLockContention(const std::exception& error);

// True when other is the database at path or one of its companions
// (-wal, -shm, -journal), by device and inode: what the CLI must never read
// as a CSV or write an export over while the database is open.
[[nodiscard]] bool isDatabaseOrCompanion(const std::filesystem::path& path,
                                         const std::filesystem::path& other);

// True when this process created the database now at path (not another
// process that created the same path a moment earlier).
[[nodiscard]] bool createdByThisProcess(const std::filesystem::path& path);

// Deletes a database file with its -wal, -shm and -journal. Only for a
// database this process created and has closed (a failed first import).
void removeDatabaseAndCompanions(const std::filesystem::path& path);

// Copies the open database to destination with SQLite's online backup API.
// The copy is created with mode 0600. Throws StoreError on failure.
void backupDatabase(SQLite::Database& source, const std::filesystem::path& destination);

} // namespace knotmap
