#pragma once

#include "store/sql/connection.h"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pqxx {
class connection_base;
} // namespace pqxx

// The PostgreSQL side of the seam: a Connection over libpqxx. Statements are
// prepared once per connection and reused; a statement marked Rows::Many is
// read through a cursor in batches. A lost connection is never re-made in
// the middle of a transaction (it would go on half-written): the
// transaction's statements fail with ErrorKind::ConnectionLost, and once it
// has been rolled back the next statement connects again (at most every few
// seconds) with the same parameters and settings. The server itself rolled
// back whatever the lost transaction had written.
namespace knotmap::sql {

class PostgresConnection : public Connection {
public:
    // Connects with a libpq connection string or URI. password, when given,
    // is added to the connection parameters in memory only. Throws Error
    // (ConnectionLost when the server cannot be reached, Other otherwise)
    // with libpq's message.
    PostgresConnection(const std::string& conninfo, const std::optional<std::string>& password);
    ~PostgresConnection() override;

    [[nodiscard]] Dialect dialect() const override { return Dialect::PostgreSQL; }
    [[nodiscard]] std::string describe() const override { return m_description; }
    int exec(const std::string& sql) override;
    [[nodiscard]] bool tableExists(const std::string& name) override;
    [[nodiscard]] std::string caseless(const std::string& expression) const override {
        return "nocase(" + expression + ")";
    }
    [[nodiscard]] std::vector<std::string> tableNames() override;
    [[nodiscard]] bool inTransaction() const override { return m_depth > 0; }
    void beginWrite() override;
    void beginRead() override;
    void commit() override;
    void rollback() override;
    void savepoint() override;
    void releaseSavepoint() override;
    void rollbackToSavepoint() override;
    [[nodiscard]] std::unique_ptr<BulkLoad>
    bulkLoad(const std::string& table, const std::vector<std::string>& columns) override;
    // Drops the foreign keys and adds them again at the check, which
    // validates all rows in one join per key: PostgreSQL checks a key per
    // row with a query of its own, about two thirds of the time of a copy.
    void deferForeignKeyChecks(const std::vector<std::string>& tables) override;
    void checkDeferredForeignKeys() override;
    void refreshStatistics() override;
    void setBusyTimeout(int milliseconds) override;
    [[nodiscard]] std::unique_ptr<StatementImpl> prepare(const std::string& sql,
                                                         bool manyRows) override;

    // The server's version as PostgreSQL prints it ("15.18").
    [[nodiscard]] std::string serverVersion();

    // For the backend's statements and loads.
    [[nodiscard]] pqxx::connection_base& raw();
    // The name of a prepared statement for sql (already numbered), preparing
    // it on first use.
    [[nodiscard]] std::string preparedName(const std::string& sql);
    [[nodiscard]] std::string nextCursorName();
    // Connects again when the connection was lost and no transaction was
    // open on it; throws ConnectionLost when that is not possible (yet).
    void checkAlive();
    // Converts the exception in flight from libpqxx to an Error, noting a
    // lost connection.
    [[noreturn]] void rethrow();

private:
    struct Handle;
    void connect();

    std::unique_ptr<Handle> m_handle;
    std::string m_conninfo; // with the password, when one was given
    std::string m_description;
    int m_lockTimeoutMs = -1; // re-applied after connecting again
    std::chrono::steady_clock::time_point m_nextReconnect{};
    std::map<std::string, std::string> m_prepared; // sql -> statement name
    int m_depth = 0;                               // 0, 1 in a transaction, +1 per savepoint
    // ADD CONSTRAINT statements that put the deferred foreign keys back, and
    // the m_depth they were dropped at (a rollback to a savepoint below it
    // brings them back by itself).
    std::vector<std::string> m_deferredKeys;
    int m_deferredDepth = 0;
    int m_restoredDepth = 0; // the m_depth they were added back at; 0: not yet
    int m_cursors = 0;
    bool m_lost = false;
};

// True when conninfo names a PostgreSQL database rather than a file: a
// postgresql:// or postgres:// URI, or a keyword string such as
// "host=... dbname=...".
[[nodiscard]] bool isPostgresConnectionString(const std::string& text);

// "server /tmp/x:5433, database knotmap" from a connection string, for
// messages and the window's header; never includes a password.
[[nodiscard]] std::string describeServer(const std::string& conninfo);

// True when error says the server wanted a password that was not given
// (the window then asks for one).
[[nodiscard]] bool isMissingPassword(const Error& error);

} // namespace knotmap::sql
