#pragma once

#include "store/sql/sql_error.h"
#include "store/sql/value.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// The seam between Knotmap's queries and a database library. Every
// repository, query and command is written once against Connection and
// Statement; store/sql/sqlite and store/sql/postgres translate to SQLiteCpp
// and libpqxx. SQL text is written in the common dialect both backends run:
// `?` or `:name` placeholders, `INSERT ... RETURNING id`, `ON CONFLICT DO
// NOTHING`, CAST(? AS INTEGER) where a parameter's type would be ambiguous.
namespace knotmap::sql {

enum class Dialect { SQLite, PostgreSQL };

class StatementImpl;

// One row appended by a bulk load, in the column order the load was opened
// with; std::nullopt is NULL.
using BulkRow = std::vector<std::optional<std::string>>;

// Fast loading of many rows into one table (SQLite: a reused prepared
// INSERT; PostgreSQL: COPY ... FROM STDIN). Rows are checked by the table's
// constraints and triggers like any insert; finish() reports the first
// failure at the latest.
class BulkLoad {
public:
    virtual ~BulkLoad() = default;
    virtual void add(const BulkRow& row) = 0;
    virtual void finish() = 0;
};

// An open connection to one database. Not shared between threads.
class Connection {
public:
    virtual ~Connection() = default;
    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    [[nodiscard]] virtual Dialect dialect() const = 0;
    // Where this connection points, for messages: a file path, or
    // "server host:port, database name".
    [[nodiscard]] virtual std::string describe() const = 0;

    // Runs one or more statements without parameters; returns the rows the
    // last one changed.
    virtual int exec(const std::string& sql) = 0;
    // The first column of the first row of a query (NULL when no row).
    [[nodiscard]] Value execAndGet(const std::string& sql);
    [[nodiscard]] virtual bool tableExists(const std::string& name) = 0;
    // expression compared and sorted with ASCII letters folded, as the
    // unique index on client names does: SQLite's "x COLLATE NOCASE",
    // PostgreSQL's nocase(x) (db/postgresql/001_tables.sql).
    [[nodiscard]] virtual std::string caseless(const std::string& expression) const = 0;
    // The database's own tables in the order they were created (SQLite's
    // internal tables left out).
    [[nodiscard]] virtual std::vector<std::string> tableNames() = 0;

    // Transactions (store/write_transaction.h drives these).
    [[nodiscard]] virtual bool inTransaction() const = 0;
    // Starts the outermost write transaction, taking the write lock at once
    // where the backend has one (SQLite: BEGIN IMMEDIATE).
    virtual void beginWrite() = 0;
    virtual void beginRead() = 0; // a consistent snapshot for several reads
    virtual void commit() = 0;
    virtual void rollback() = 0; // safe when the backend has rolled back already
    virtual void savepoint() = 0;
    virtual void releaseSavepoint() = 0;
    virtual void rollbackToSavepoint() = 0;

    [[nodiscard]] virtual std::unique_ptr<BulkLoad>
    bulkLoad(const std::string& table, const std::vector<std::string>& columns) = 0;
    // For filling a database whose schema the same transaction created
    // (copy, import into a new server database): the foreign keys of these
    // tables may be checked once, over all rows, by checkDeferredForeignKeys()
    // instead of once per row as rows arrive.
    // Both inside the caller's write transaction, which must call the check
    // before it commits; a rollback undoes the deferral. Whether anything is
    // deferred is the backend's choice (PostgreSQL: yes, for tables this login
    // owns; SQLite: no, its per-row check is an in-process B-tree probe).
    virtual void deferForeignKeyChecks(const std::vector<std::string>& tables) = 0;
    // Checks every row against the deferred foreign keys, which apply again
    // from then on; throws the backend's Error naming the key a row breaks.
    virtual void checkDeferredForeignKeys() = 0;

    // After many rows have been committed at once (a copy, an import, a
    // demo history): brings what the backend plans its reads from up to
    // date, outside any transaction. PostgreSQL plans from statistics and a
    // visibility map that autovacuum refreshes a minute or more later; until
    // then reading one client's history from a copied practice took 10 to
    // 40 times as long (docs/performance.md). Best effort: a failure leaves
    // the rows as committed and is not reported. SQLite: nothing, Knotmap
    // gathers no statistics there and its plans follow the indexes.
    virtual void refreshStatistics() = 0;

    // How long a write waits for another writer before failing with a
    // Busy error.
    virtual void setBusyTimeout(int milliseconds) = 0;

    // Backend side of Statement.
    [[nodiscard]] virtual std::unique_ptr<StatementImpl> prepare(const std::string& sql,
                                                                 bool manyRows) = 0;

    // Row versions this connection wrote (store/row_version.h): a save based
    // on an older version of a row is no conflict when every version since is
    // this connection's own (saves queued behind a lock, undo after redo).
    // Noted as written, kept when the outermost transaction commits and
    // forgotten when it rolls back (store/write_transaction.cpp), so a
    // version that never reached the database is never taken for one's own.
    void noteWrittenVersion(const std::string& table, std::int64_t id, int version) {
        m_pendingVersions[{table, id}] = version;
    }
    void keepWrittenVersions() {
        for (const auto& [row, version] : m_pendingVersions) {
            m_writtenVersions[row] = version;
        }
        m_pendingVersions.clear();
    }
    void forgetWrittenVersions() { m_pendingVersions.clear(); }
    [[nodiscard]] bool wroteVersion(const std::string& table, std::int64_t id, int version) const {
        const auto found = m_writtenVersions.find({table, id});
        return found != m_writtenVersions.end() && found->second == version;
    }

private:
    std::map<std::pair<std::string, std::int64_t>, int> m_writtenVersions;
    std::map<std::pair<std::string, std::int64_t>, int> m_pendingVersions;
};

} // namespace knotmap::sql
