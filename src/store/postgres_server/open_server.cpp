#include "store/postgres_server/open_server.h"

#include "store/migrations.h"
#include "store/postgres_server/connection_failure.h"
#include "store/sql/postgres/postgres_connection.h"
#include "store/sql/statement.h"
#include "store/store_error.h"

namespace knotmap {
namespace {

// The tables in the connection's current schema, in name order.
std::vector<std::string> tablesInSchema(sql::Connection& db) {
    sql::Statement query(db, "SELECT table_name FROM information_schema.tables "
                             "WHERE table_schema = current_schema() ORDER BY table_name");
    std::vector<std::string> names;
    while (query.executeStep()) {
        names.push_back(query.getColumn(0).getString());
    }
    return names;
}

std::unique_ptr<sql::PostgresConnection> connect(const DatabaseLocation& where) {
    const std::string server = where.describe();
    try {
        return std::make_unique<sql::PostgresConnection>(where.conninfo(), where.password());
    } catch (const sql::Error& error) {
        const std::string why = explainConnectionFailure(error.what());
        if (sql::isMissingPassword(error)) {
            throw PasswordNeeded(server + ": cannot connect: " + why);
        }
        throw StoreError(server + ": cannot connect: " + why);
    }
}

// Two Knotmap processes finding the same database empty (two imports, a
// copy and the window) must not both create the schema: the second would
// fail on the server's catalog with a message about pg_proc. The first takes
// a lock for this database and schema that the second waits for until the
// first commits or rolls back; true when the schema exists by then.
bool anotherProcessCreatedTheSchema(sql::Connection& connection, const std::string& server) {
    try {
        connection.exec("SELECT pg_advisory_xact_lock(hashtext('knotmap schema creation in ' || "
                        "current_schema()))");
    } catch (const sql::Error& error) {
        if (error.kind() != sql::ErrorKind::Busy) {
            throw;
        }
        throw StoreError(server +
                         ": another Knotmap program is setting up this database (an import or "
                         "a copy into it may take minutes); try again when it has finished");
    }
    return connection.tableExists("knotmap_schema_version");
}

} // namespace

Database openServerDatabase(const DatabaseLocation& where, const OpenOptions& options,
                            SchemaCreation creation) {
    const std::string server = where.describe();
    auto connection = connect(where);
    const int latest = latestSchemaVersion(sql::Dialect::PostgreSQL);
    OpenReport report;
    try {
        connection->setBusyTimeout(options.busyTimeoutMs);
        if (!connection->tableExists("knotmap_schema_version")) {
            // Every migration becomes a savepoint inside this transaction.
            // Should anything fail, the connection is closed on the way out
            // and the server rolls back all of it.
            connection->beginWrite();
            if (anotherProcessCreatedTheSchema(*connection, server)) {
                connection->commit(); // opened as any existing database below
            } else {
                const std::vector<std::string> tables = tablesInSchema(*connection);
                if (!tables.empty()) {
                    throw StoreError(server +
                                     ": not a Knotmap database (it holds other tables, such as '" +
                                     tables.front() + "'); use an empty database for Knotmap");
                }
                if (!options.createIfMissing) {
                    throw StoreError(server +
                                     ": holds no Knotmap records yet (the database is empty)");
                }
                report.created = true;
            }
        }
        report.versionBefore = schemaVersion(*connection);
        if (report.versionBefore > latest) {
            throw StoreError(server + ": written by a newer Knotmap (schema version " +
                             std::to_string(report.versionBefore) + ", this Knotmap knows up to " +
                             std::to_string(latest) + "); update Knotmap to open it");
        }
        if (report.versionBefore < latest) {
            migrate(*connection, latest);
        }
        report.versionAfter = schemaVersion(*connection);
        if (report.created) {
            if (creation == SchemaCreation::Committed) {
                connection->commit();
            } else {
                report.creationPending = true;
            }
        }
    } catch (const sql::Error& error) {
        throw StoreError(server + ": " + error.what());
    }
    return {std::move(connection), where, std::move(report)};
}

std::unique_ptr<sql::Connection> openServerReader(const DatabaseLocation& where) {
    auto connection = connect(where);
    try {
        connection->exec("SET default_transaction_read_only = on");
    } catch (const sql::Error& error) {
        throw StoreError(where.describe() + ": " + error.what());
    }
    return connection;
}

} // namespace knotmap
