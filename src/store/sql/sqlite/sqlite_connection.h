#pragma once

#include "store/sql/connection.h"

#include <SQLiteCpp/Database.h>

#include <exception>
#include <filesystem>
#include <memory>

// The SQLite side of the seam: a Connection over an SQLiteCpp database.
// Code that needs what only a file database has (its integrity check, the
// online backup API, TEMP views hiding bad rows) reaches the SQLiteCpp
// database through sqliteDatabaseOf().
namespace knotmap::sql {

class SqliteConnection : public Connection {
public:
    SqliteConnection(std::unique_ptr<SQLite::Database> database, std::filesystem::path path);

    [[nodiscard]] Dialect dialect() const override { return Dialect::SQLite; }
    [[nodiscard]] std::string describe() const override { return m_path.string(); }
    int exec(const std::string& sql) override;
    [[nodiscard]] bool tableExists(const std::string& name) override;
    [[nodiscard]] std::string caseless(const std::string& expression) const override {
        return expression + " COLLATE NOCASE";
    }
    [[nodiscard]] std::vector<std::string> tableNames() override;
    [[nodiscard]] bool inTransaction() const override;
    void beginWrite() override;
    void beginRead() override;
    void commit() override;
    void rollback() override;
    void savepoint() override;
    void releaseSavepoint() override;
    void rollbackToSavepoint() override;
    [[nodiscard]] std::unique_ptr<BulkLoad>
    bulkLoad(const std::string& table, const std::vector<std::string>& columns) override;
    void deferForeignKeyChecks(const std::vector<std::string>& /*tables*/) override {}
    void checkDeferredForeignKeys() override {}
    void refreshStatistics() override {}
    void setBusyTimeout(int milliseconds) override;
    [[nodiscard]] std::unique_ptr<StatementImpl> prepare(const std::string& sql,
                                                         bool manyRows) override;

    [[nodiscard]] SQLite::Database& database() { return *m_database; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::unique_ptr<SQLite::Database> m_database;
    std::filesystem::path m_path;
};

// The SQLiteCpp database behind connection; throws std::logic_error for a
// connection of another backend.
[[nodiscard]] SQLite::Database& sqliteDatabaseOf(Connection& connection);

// An SQLite failure as a seam error with SQLite's message and kind.
[[nodiscard]] Error sqliteError(int extendedCode, const std::string& message);
// Rethrows the exception in flight as a seam error when it came from SQLite.
[[noreturn]] void rethrowAsSqlError();

} // namespace knotmap::sql
