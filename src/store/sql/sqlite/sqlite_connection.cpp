#include "store/sql/sqlite/sqlite_connection.h"

#include "store/sql/statement.h"

#include <SQLiteCpp/Exception.h>

#include <sqlite3.h>
#include <stdexcept>

namespace knotmap::sql {
namespace {

ErrorKind kindOf(int extendedCode) {
    switch (extendedCode & 0xff) {
    case SQLITE_CONSTRAINT:
        return ErrorKind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorKind::Busy;
    case SQLITE_READONLY:
        return ErrorKind::ReadOnly;
    case SQLITE_FULL:
        return ErrorKind::Full;
    default:
        return ErrorKind::Other;
    }
}

// A statement prepared with SQLite's own API: cells are read from SQLite's
// buffers without a copy (an export reads millions).
class SqliteStatement : public StatementImpl {
public:
    SqliteStatement(sqlite3* db, const std::string& sql) : m_db(db) {
        const int result =
            sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()) + 1, &m_stmt, nullptr);
        if (result != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(db);
            sqlite3_finalize(m_stmt);
            throw sqliteError(sqlite3_extended_errcode(db), message);
        }
    }
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bindNull(int index) override { check(sqlite3_bind_null(m_stmt, index)); }
    void bindInt64(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(m_stmt, index, value));
    }
    void bindDouble(int index, double value) override {
        check(sqlite3_bind_double(m_stmt, index, value));
    }
    void bindText(int index, std::string_view value) override {
        check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8));
    }
    [[nodiscard]] int parameterIndex(const char* name) const override {
        return sqlite3_bind_parameter_index(m_stmt, name);
    }
    bool step() override {
        const int result = sqlite3_step(m_stmt);
        if (result == SQLITE_ROW) {
            return true;
        }
        if (result == SQLITE_DONE) {
            return false;
        }
        fail();
    }
    int run() override {
        while (step()) {
        }
        return sqlite3_changes(m_db);
    }
    void reset() override { check(sqlite3_reset(m_stmt)); }
    void clearBindings() override { sqlite3_clear_bindings(m_stmt); }
    [[nodiscard]] int columnCount() const override { return sqlite3_column_count(m_stmt); }
    [[nodiscard]] std::string columnName(int index) const override {
        const char* name = sqlite3_column_name(m_stmt, index);
        return name == nullptr ? std::string() : std::string(name);
    }
    [[nodiscard]] ValueType columnType(int index) const override {
        switch (sqlite3_column_type(m_stmt, index)) {
        case SQLITE_NULL:
            return ValueType::Null;
        case SQLITE_INTEGER:
            return ValueType::Integer;
        case SQLITE_FLOAT:
            return ValueType::Float;
        default:
            return ValueType::Text;
        }
    }
    [[nodiscard]] std::int64_t columnInt64(int index) const override {
        return sqlite3_column_int64(m_stmt, index);
    }
    [[nodiscard]] double columnDouble(int index) const override {
        return sqlite3_column_double(m_stmt, index);
    }
    [[nodiscard]] std::string_view columnText(int index) const override {
        // sqlite3_column_bytes must follow sqlite3_column_text: the text may
        // be converted on the first call, and the count is of the converted text.
        const auto* text = sqlite3_column_text(m_stmt, index);
        if (text == nullptr) {
            return {};
        }
        const int bytes = sqlite3_column_bytes(m_stmt, index);
        return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)};
    }

private:
    void check(int result) const {
        if (result != SQLITE_OK) {
            fail();
        }
    }
    [[noreturn]] void fail() const {
        throw sqliteError(sqlite3_extended_errcode(m_db), sqlite3_errmsg(m_db));
    }

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Many rows through one prepared INSERT, inside the caller's transaction.
class SqliteBulkLoad : public BulkLoad {
public:
    SqliteBulkLoad(sqlite3* db, const std::string& sql) : m_insert(db, sql) {}
    void add(const BulkRow& row) override {
        m_insert.reset();
        for (std::size_t i = 0; i < row.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            if (row[i]) {
                m_insert.bindText(index, *row[i]);
            } else {
                m_insert.bindNull(index);
            }
        }
        m_insert.run();
    }
    void finish() override {}

private:
    SqliteStatement m_insert;
};

} // namespace

Error sqliteError(int extendedCode, const std::string& message) {
    return {kindOf(extendedCode), message, std::to_string(extendedCode)};
}

void rethrowAsSqlError() {
    try {
        throw;
    } catch (const SQLite::Exception& error) {
        throw sqliteError(error.getExtendedErrorCode(), error.what());
    }
}

SqliteConnection::SqliteConnection(std::unique_ptr<SQLite::Database> database,
                                   std::filesystem::path path)
    : m_database(std::move(database)), m_path(std::move(path)) {}

int SqliteConnection::exec(const std::string& sql) {
    try {
        return m_database->exec(sql);
    } catch (const SQLite::Exception&) {
        rethrowAsSqlError();
    }
}

bool SqliteConnection::tableExists(const std::string& name) {
    try {
        return m_database->tableExists(name);
    } catch (const SQLite::Exception&) {
        rethrowAsSqlError();
    }
}

std::vector<std::string> SqliteConnection::tableNames() {
    Statement query(*this, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                           "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    std::vector<std::string> names;
    while (query.executeStep()) {
        names.push_back(query.getColumn(0).getString());
    }
    return names;
}

bool SqliteConnection::inTransaction() const {
    return sqlite3_get_autocommit(m_database->getHandle()) == 0;
}

void SqliteConnection::beginWrite() {
    // The outermost write takes the write lock up front. A deferred
    // transaction that reads first and writes later cannot wait for another
    // writer (SQLite answers SQLITE_BUSY at once when its snapshot is
    // stale), so it would fail instead of waiting its turn.
    exec("BEGIN IMMEDIATE");
}

void SqliteConnection::beginRead() {
    exec("BEGIN");
}

void SqliteConnection::commit() {
    exec("COMMIT");
}

void SqliteConnection::rollback() {
    // SQLite may have rolled back already (a full disk, an I/O error).
    if (inTransaction()) {
        exec("ROLLBACK");
    }
}

void SqliteConnection::savepoint() {
    exec("SAVEPOINT knotmap_write");
}

void SqliteConnection::releaseSavepoint() {
    exec("RELEASE knotmap_write");
}

void SqliteConnection::rollbackToSavepoint() {
    exec("ROLLBACK TO knotmap_write");
    exec("RELEASE knotmap_write");
}

std::unique_ptr<BulkLoad> SqliteConnection::bulkLoad(const std::string& table,
                                                     const std::vector<std::string>& columns) {
    std::string names;
    std::string marks;
    for (const std::string& column : columns) {
        names += (names.empty() ? "" : ", ") + column;
        marks += marks.empty() ? "?" : ", ?";
    }
    return std::make_unique<SqliteBulkLoad>(m_database->getHandle(), "INSERT INTO " + table + " (" +
                                                                         names + ") VALUES (" +
                                                                         marks + ")");
}

void SqliteConnection::setBusyTimeout(int milliseconds) {
    m_database->setBusyTimeout(milliseconds);
}

std::unique_ptr<StatementImpl> SqliteConnection::prepare(const std::string& sql,
                                                         bool /*manyRows*/) {
    return std::make_unique<SqliteStatement>(m_database->getHandle(), sql);
}

SQLite::Database& sqliteDatabaseOf(Connection& connection) {
    auto* sqlite = dynamic_cast<SqliteConnection*>(&connection);
    if (sqlite == nullptr) {
        throw std::logic_error("an SQLite database was expected");
    }
    return sqlite->database();
}

} // namespace knotmap::sql
