#include "store/database.h"

#include "store/migrations.h"
#include "store/postgres_server/open_server.h"
#include "store/sqlite_file/open_file.h"

#include <sqlite3.h>

namespace knotmap {

Database::Database(std::unique_ptr<sql::Connection> connection, DatabaseLocation location,
                   OpenReport report)
    : m_connection(std::move(connection)), m_location(std::move(location)),
      m_report(std::move(report)) {}

Database Database::open(const DatabaseLocation& where, const OpenOptions& options) {
    if (where.isServer()) {
        return openServerDatabase(where, options);
    }
    return openDatabaseFile(where.file(), latestSchemaVersion(sql::Dialect::SQLite), options);
}

Database Database::openForImport(const DatabaseLocation& where, const OpenOptions& options) {
    if (where.isServer()) {
        return openServerDatabase(where, options, SchemaCreation::LeftOpen);
    }
    return open(where, options);
}

Database Database::openAtVersion(const std::filesystem::path& path, int targetVersion) {
    return openDatabaseFile(path, targetVersion, OpenOptions{});
}

Database Database::openInMemory() {
    return openInMemoryDatabase();
}

void Database::commitCreation() {
    if (m_report.creationPending) {
        m_connection->commit();
        m_report.creationPending = false;
    }
}

bool Database::holdsNoUserData() {
    return m_connection
               ->execAndGet("SELECT CASE WHEN EXISTS (SELECT 1 FROM client) OR "
                            "EXISTS (SELECT 1 FROM session) OR "
                            "EXISTS (SELECT 1 FROM knot) THEN 0 ELSE 1 END")
               .getInt() != 0;
}

void prepareDatabaseLibraries() {
    // SQLite keeps memory statistics by default, taking a process-wide mutex
    // around every allocation; Knotmap never reads them. Off, a whole
    // import spends about a fifth less time (docs/performance.md,
    // "Importing"). SQLite accepts this only before it initialises, which
    // its first open does; afterwards the call returns SQLITE_MISUSE and
    // changes nothing.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

std::unique_ptr<sql::Connection> openReader(const DatabaseLocation& where) {
    return where.isServer() ? openServerReader(where) : openFileReader(where.file());
}

bool isLockContention(const std::exception& error) {
    const auto* failure = dynamic_cast<const sql::Error*>(&error);
    return failure != nullptr && failure->kind() == sql::ErrorKind::Busy;
}

bool isConnectionLost(const std::exception& error) {
    const auto* failure = dynamic_cast<const sql::Error*>(&error);
    return failure != nullptr && failure->kind() == sql::ErrorKind::ConnectionLost;
}

} // namespace knotmap
