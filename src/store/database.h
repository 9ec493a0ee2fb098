#pragma once

#include "store/database_location.h"
#include "store/open_findings.h"
#include "store/open_options.h"
#include "store/sql/connection.h"

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace knotmap {

// What happened while opening, for the user to be told.
struct OpenReport {
    bool created = false;                            // a new, empty database was initialised
    int versionBefore = 0;                           // schema version found in the database
    int versionAfter = 0;                            // schema version after migrating
    std::optional<std::filesystem::path> backupPath; // written before migrating existing data
    bool readOnly = false; // opened read-only: the user may read but not write the database
    // The schema differs from Knotmap's or rows break its constraints; only
    // with FindingsPolicy::ReadOnlyHide (then readOnly is set) or Report.
    OpenFindings findings;
    // A server's empty database got Knotmap's schema in a transaction still
    // open on the connection (Database::openForImport); commitCreation()
    // keeps it, closing the database without that drops it.
    bool creationPending = false;
};

// An open Knotmap database, an SQLite file or a PostgreSQL server's
// database: checked, migrated to the current schema. One per thread. Every
// write goes through WriteTransaction. Which backend it is matters only
// here and in store/sqlite_file and store/postgres_server, which open them.
class Database {
public:
    // Opens and migrates the database at where. A file is created (mode
    // 0600, folders 0700) when absent and options allow; a server's
    // database gets Knotmap's schema when it holds no tables. Throws
    // StoreError with a one-line message naming the file or server; a
    // database that cannot be used safely is never modified.
    static Database open(const DatabaseLocation& where, const OpenOptions& options = {});
    // As open(), for a command whose outcome decides whether a new database
    // is kept (an import, a copy): a server's database that held no tables gets the
    // schema in a transaction left open on the connection. The command's
    // WriteTransactions nest in it; commitCreation() commits schema and
    // records as one. Without it (a refusal, a dry run, an error, a killed
    // process) the server rolls the schema back as the connection closes,
    // and the database is as empty as it was. A file opens as with open();
    // the caller removes one it created (sqlite_file/database_files.h).
    static Database openForImport(const DatabaseLocation& where, const OpenOptions& options = {});
    // Opens the file at path without migrating past targetVersion (tests).
    static Database openAtVersion(const std::filesystem::path& path, int targetVersion);
    // A private in-memory SQLite database with the current schema (tests).
    static Database openInMemory();

    Database(std::unique_ptr<sql::Connection> connection, DatabaseLocation location,
             OpenReport report);

    [[nodiscard]] sql::Connection& sql() { return *m_connection; }
    [[nodiscard]] const DatabaseLocation& location() const { return m_location; }
    // The file's path; empty for a server.
    [[nodiscard]] const std::filesystem::path& path() const { return m_location.file(); }
    // The file's path or "server HOST:PORT, database NAME", for messages.
    [[nodiscard]] std::string describe() const { return m_location.describe(); }
    [[nodiscard]] bool isServer() const { return m_location.isServer(); }
    [[nodiscard]] const OpenReport& openReport() const { return m_report; }
    [[nodiscard]] bool readOnly() const { return m_report.readOnly; }
    // How long a write waits for another writer's lock before failing with a
    // Busy error (the window waits briefly and retries in the background).
    void setBusyTimeout(int milliseconds) { m_connection->setBusyTimeout(milliseconds); }
    // Commits the schema openForImport created, with whatever was written
    // since; nothing to do when none is pending.
    void commitCreation();
    // True when no client, session or knot has been saved yet.
    [[nodiscard]] bool holdsNoUserData();

private:
    std::unique_ptr<sql::Connection> m_connection;
    DatabaseLocation m_location;
    OpenReport m_report;
};

// Process-wide settings of the database libraries, before the first
// database is opened (main() calls it; later calls change nothing).
void prepareDatabaseLibraries();

// A read-only connection of its own for a worker thread (a history being
// read, an export) beside the window's: the database is already open and
// checked, so nothing is checked or migrated here.
[[nodiscard]] std::unique_ptr<sql::Connection> openReader(const DatabaseLocation& where);

// True when error says another connection holds the lock: the write may
// succeed if tried again.
[[nodiscard]] bool isLockContention(const std::exception& error);
// True when error says the server could not be reached: the write was
// rolled back, and may succeed once the server is back.
[[nodiscard]] bool isConnectionLost(const std::exception& error);

} // namespace knotmap
