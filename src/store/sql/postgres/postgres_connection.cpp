#include "store/sql/postgres/postgres_connection.h"

#include "store/sql/postgres/placeholders.h"
#include "store/sql/statement.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <pqxx/tablewriter>

// tablewriter and inhibit_reactivation are marked deprecated in libpqxx 6.4,
// but they are the only way there to write raw COPY lines and to keep a
// broken connection from being silently re-opened mid-transaction.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace knotmap::sql {
namespace {

// PostgreSQL type OIDs (pg_type.h) of the columns read as numbers.
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
                    kFloat8 = 701, kNumeric = 1700;

ValueType typeOf(pqxx::oid type) {
    switch (type) {
    case kBool:
    case kInt8:
    case kInt2:
    case kInt4:
    case kOid:
        return ValueType::Integer;
    case kFloat4:
    case kFloat8:
    case kNumeric:
        return ValueType::Float;
    default:
        return ValueType::Text;
    }
}

ErrorKind kindOfState(const std::string& state) {
    if (state.rfind("23", 0) == 0) {
        return ErrorKind::Constraint;
    }
    if (state == "40P01" || state == "55P03" || state == "40001") {
        return ErrorKind::Busy;
    }
    if (state == "25006") {
        return ErrorKind::ReadOnly;
    }
    if (state == "53100") {
        return ErrorKind::Full;
    }
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03") {
        return ErrorKind::ConnectionLost;
    }
    return ErrorKind::Other;
}

// libpq's message without its "ERROR:  " prefix and trailing newline.
std::string cleanMessage(const char* raw) {
    std::string message = raw;
    for (const char* prefix : {"ERROR:  ", "FATAL:  "}) {
        if (message.rfind(prefix, 0) == 0) {
            message.erase(0, std::strlen(prefix));
        }
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    const std::size_t newline = message.find('\n');
    if (newline != std::string::npos) { // keep the first line; DETAIL follows
        message.erase(newline);
    }
    return message;
}

std::string doubleText(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// One line of COPY's text format: tab-separated, \N for NULL, and the
// characters that format gives a meaning escaped with a backslash.
std::string copyLine(const BulkRow& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) {
            line += '\t';
        }
        if (!row[i]) {
            line += "\\N";
            continue;
        }
        for (const char c : *row[i]) {
            switch (c) {
            case '\\':
                line += "\\\\";
                break;
            case '\t':
                line += "\\t";
                break;
            case '\n':
                line += "\\n";
                break;
            case '\r':
                line += "\\r";
                break;
            default:
                line += c;
            }
        }
    }
    return line;
}

class PostgresStatement : public StatementImpl {
public:
    PostgresStatement(PostgresConnection& connection, const std::string& sql, bool manyRows)
        : m_connection(connection), m_numbered(numberPlaceholders(sql)), m_manyRows(manyRows) {
        m_parameters.resize(static_cast<std::size_t>(m_numbered.parameterCount));
    }
    ~PostgresStatement() override { closeCursor(); }
    PostgresStatement(const PostgresStatement&) = delete;
    PostgresStatement& operator=(const PostgresStatement&) = delete;

    void bindNull(int index) override { parameter(index).reset(); }
    void bindInt64(int index, std::int64_t value) override {
        parameter(index) = std::to_string(value);
    }
    void bindDouble(int index, double value) override { parameter(index) = doubleText(value); }
    void bindText(int index, std::string_view value) override {
        parameter(index) = std::string(value);
    }
    [[nodiscard]] int parameterIndex(const char* name) const override {
        const auto found =
            std::find(m_numbered.names.begin(), m_numbered.names.end(), std::string(name));
        return found == m_numbered.names.end()
                   ? 0
                   : static_cast<int>(found - m_numbered.names.begin()) + 1;
    }

    bool step() override {
        if (!m_executed) {
            execute();
        } else {
            ++m_row;
        }
        if (m_manyRows && m_row >= m_result.size() && !m_cursorDone) {
            fetch();
        }
        return m_row < m_result.size();
    }
    int run() override {
        execute();
        m_row = m_result.size();
        return static_cast<int>(m_result.affected_rows());
    }
    void reset() override {
        closeCursor();
        m_result = pqxx::result();
        m_cells.clear();
        m_executed = false;
        m_row = 0;
    }
    void clearBindings() override {
        for (auto& parameter : m_parameters) {
            parameter.reset();
        }
    }
    [[nodiscard]] int columnCount() const override { return static_cast<int>(m_result.columns()); }
    [[nodiscard]] std::string columnName(int index) const override {
        return m_result.column_name(static_cast<pqxx::row_size_type>(index));
    }
    [[nodiscard]] ValueType columnType(int index) const override {
        if (cell(index).null) {
            return ValueType::Null;
        }
        return typeOf(m_result.column_type(index));
    }
    [[nodiscard]] std::int64_t columnInt64(int index) const override {
        const Cell& value = cell(index);
        return value.null ? 0 : integerFromText(value.text);
    }
    [[nodiscard]] double columnDouble(int index) const override {
        const Cell& value = cell(index);
        return value.null ? 0.0 : doubleFromText(value.text);
    }
    [[nodiscard]] std::string_view columnText(int index) const override { return cell(index).text; }

private:
    std::optional<std::string>& parameter(int index) {
        if (index < 1 || index > m_numbered.parameterCount) {
            throw Error(ErrorKind::Other, "column index out of range");
        }
        return m_parameters[static_cast<std::size_t>(index) - 1];
    }
    // One cell of the result, pointing into libpq's copy of it.
    struct Cell {
        std::string_view text;
        bool null = false;
    };

    // NULL outside the result (no row, no such column), as SQLite answers.
    [[nodiscard]] const Cell& cell(int index) const {
        static const Cell none{{}, true};
        const auto columns = static_cast<std::size_t>(m_result.columns());
        const std::size_t at = m_row * columns + static_cast<std::size_t>(index);
        if (index < 0 || static_cast<std::size_t>(index) >= columns || at >= m_cells.size()) {
            return none;
        }
        return m_cells[at];
    }

    // Every cell of a new result, read once. Each pqxx::row and pqxx::field
    // made for one cell copies the result's shared pointers; reading one
    // client's history (18,000 rows) that way took about 10 ms of its
    // 30-45 ms (perf of knotmap_perf_bench); reading each cell once here
    // takes about half of that.
    void takeCells() {
        m_cells.clear();
        m_cells.reserve(m_result.size() * static_cast<std::size_t>(m_result.columns()));
        for (const pqxx::row& row : m_result) {
            for (const pqxx::field& value : row) {
                // libpq gives NULL as empty text: only an empty cell can be one.
                const std::size_t size = value.size();
                m_cells.push_back({{value.c_str(), size}, size == 0 && value.is_null()});
            }
        }
    }

    void execute() {
        m_connection.checkAlive();
        reset();
        m_executed = true;
        try {
            pqxx::nontransaction work(m_connection.raw());
            if (m_manyRows) {
                // A cursor outside a transaction must be WITH HOLD; inside
                // one it lives until the transaction ends.
                m_cursor = m_connection.nextCursorName();
                const bool hold = !m_connection.inTransaction();
                work.exec_params("DECLARE " + m_cursor + " NO SCROLL CURSOR" +
                                     (hold ? " WITH HOLD" : "") + " FOR " + m_numbered.sql,
                                 pqxx::prepare::make_dynamic_params(m_parameters));
                m_cursorDone = false;
            } else {
                // Looked up each time: a connection made again has its own.
                const std::string name = m_connection.preparedName(m_numbered.sql);
                m_result =
                    work.exec_prepared(name, pqxx::prepare::make_dynamic_params(m_parameters));
                takeCells();
            }
        } catch (...) {
            m_cursor.clear();
            m_connection.rethrow();
        }
    }

    void fetch() {
        try {
            pqxx::nontransaction work(m_connection.raw());
            m_result = work.exec("FETCH 2000 FROM " + m_cursor);
            takeCells();
        } catch (...) {
            m_connection.rethrow();
        }
        m_row = 0;
        if (m_result.empty()) {
            m_cursorDone = true;
            closeCursor();
        }
    }

    void closeCursor() noexcept {
        if (m_cursor.empty()) {
            return;
        }
        try {
            pqxx::nontransaction work(m_connection.raw());
            work.exec("CLOSE " + m_cursor);
        } catch (...) { // NOLINT(bugprone-empty-catch): gone with its transaction or connection
        }
        m_cursor.clear();
    }

    PostgresConnection& m_connection;
    NumberedStatement m_numbered;
    bool m_manyRows;
    std::vector<std::optional<std::string>> m_parameters;
    pqxx::result m_result;
    std::vector<Cell> m_cells; // m_result's, row after row
    std::size_t m_row = 0;
    bool m_executed = false;
    std::string m_cursor;
    bool m_cursorDone = true;
};

class PostgresBulkLoad : public BulkLoad {
public:
    PostgresBulkLoad(PostgresConnection& connection, const std::string& table,
                     const std::vector<std::string>& columns)
        : m_connection(connection) {
        try {
            m_work = std::make_unique<pqxx::nontransaction>(connection.raw());
            // For this COPY the row triggers stand aside and the schema's
            // statement-level check alone judges the rows (db/postgresql/006):
            // the same rules, a fraction of the time.
            setBulkLoad(true);
            m_writer =
                std::make_unique<pqxx::tablewriter>(*m_work, table, columns.begin(), columns.end());
        } catch (...) {
            m_connection.rethrow();
        }
    }
    ~PostgresBulkLoad() override {
        try {
            m_writer.reset();
            if (m_work) { // not finished: row-by-row checks again all the same
                setBulkLoad(false);
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): the caller's transaction rolls back
        }
    }
    void add(const BulkRow& row) override {
        try {
            m_writer->write_raw_line(copyLine(row));
        } catch (...) {
            m_connection.rethrow();
        }
    }
    void finish() override {
        try {
            m_writer->complete();
            m_writer.reset();
            // Inserts after the load are checked row by row again, each
            // refused with its own row's message.
            setBulkLoad(false);
            m_work.reset();
        } catch (...) {
            m_connection.rethrow();
        }
    }

private:
    // Local to the caller's transaction, so a rollback also undoes it.
    void setBulkLoad(bool on) {
        m_work->exec(std::string("SELECT set_config('knotmap.bulk_load', '") + (on ? "on" : "off") +
                     "', true)");
    }

    PostgresConnection& m_connection;
    std::unique_ptr<pqxx::nontransaction> m_work;
    std::unique_ptr<pqxx::tablewriter> m_writer;
};

// A server that does not answer must not hold a command or the window for
// minutes: libpq waits forever unless told otherwise.
std::string withConnectTimeout(const std::string& conninfo) {
    if (conninfo.find("connect_timeout") != std::string::npos) {
        return conninfo;
    }
    if (conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0) {
        return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") +
               "connect_timeout=10";
    }
    return conninfo + " connect_timeout=10";
}

std::string withPassword(const std::string& conninfo, const std::optional<std::string>& password) {
    if (!password) {
        return conninfo;
    }
    if (conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0) {
        // A URI cannot be mixed with keywords (libpq does not expand a URI
        // given as dbname=): the password goes in as a query parameter,
        // percent-encoded but for the characters a URI leaves as they are.
        static const char* digits = "0123456789ABCDEF";
        std::string encoded;
        for (const char c : *password) {
            const auto byte = static_cast<unsigned char>(c);
            if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded += c;
            } else {
                encoded += '%';
                encoded += digits[byte >> 4];
                encoded += digits[byte & 15];
            }
        }
        return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") +
               "password=" + encoded;
    }
    std::string quoted = "'";
    for (const char c : *password) {
        if (c == '\'' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    quoted += "'";
    return conninfo + " password=" + quoted;
}

} // namespace

struct PostgresConnection::Handle {
    explicit Handle(const std::string& conninfo) : connection(conninfo) {}
    pqxx::connection connection;
};

PostgresConnection::PostgresConnection(const std::string& conninfo,
                                       const std::optional<std::string>& password)
    : m_conninfo(withConnectTimeout(withPassword(conninfo, password))),
      m_description(describeServer(conninfo)) {
    connect();
}

void PostgresConnection::connect() {
    m_handle.reset();
    m_prepared.clear();
    m_depth = 0;
    try {
        m_handle = std::make_unique<Handle>(m_conninfo);
    } catch (const pqxx::broken_connection& error) {
        throw Error(ErrorKind::ConnectionLost, cleanMessage(error.what()));
    } catch (const pqxx::failure& error) {
        throw Error(ErrorKind::Other, cleanMessage(error.what()));
    }
    m_handle->connection.inhibit_reactivation(true);
    m_lost = false;
    // Times and text are read back exactly as written, whatever the server's
    // configuration says.
    // Sent as one statement: each is a round trip, paid on every open.
    std::string settings =
        "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET extra_float_digits = 1;"
        // Knotmap's reads are one client's rows through an index: a parallel
        // plan only adds the start of worker processes, which made reading a
        // client's history on a practice's database 7 times slower (EXPLAIN
        // ANALYZE: 144 ms with a Gather Merge, 20 ms without;
        // docs/performance.md).
        " SET max_parallel_workers_per_gather = 0;"
        // The client list's session counts visit every session once; while
        // the table's visibility map lags (after an import, on a busy day)
        // the planner costs that above jit_above_cost, and compiling it took
        // 168 ms of a 480 ms query, on every open, that runs in 22 ms
        // without. No query of Knotmap's runs long enough to gain from JIT.
        " SET jit = off;"
        // A practice's records fit in the server's memory, so an index
        // probe costs about what a sequential page does; at the default
        // 4.0 the planner read all 362,816 treatments to find one client's
        // 1,818 (72 ms) instead of probing treatment_by_session (8 ms).
        " SET random_page_cost = 1.1";
    if (m_lockTimeoutMs >= 0) {
        settings += "; SET lock_timeout = " + std::to_string(m_lockTimeoutMs);
    }
    exec(settings);
}

PostgresConnection::~PostgresConnection() = default;

pqxx::connection_base& PostgresConnection::raw() {
    return m_handle->connection;
}

void PostgresConnection::checkAlive() {
    if (!m_lost) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_depth > 0 || now < m_nextReconnect) {
        throw Error(ErrorKind::ConnectionLost, "the connection to " + m_description + " was lost");
    }
    m_nextReconnect = now + std::chrono::seconds(2);
    try {
        connect();
    } catch (const Error& error) {
        m_lost = true;
        throw Error(ErrorKind::ConnectionLost,
                    "the connection to " + m_description + " was lost (" + error.what() + ")");
    }
}

void PostgresConnection::rethrow() {
    try {
        throw;
    } catch (const pqxx::broken_connection& error) {
        m_lost = true;
        throw Error(ErrorKind::ConnectionLost, cleanMessage(error.what()));
    } catch (const pqxx::sql_error& error) {
        const ErrorKind kind = kindOfState(error.sqlstate());
        if (kind == ErrorKind::ConnectionLost || !m_handle->connection.is_open()) {
            m_lost = true;
        }
        throw Error(kind, cleanMessage(error.what()), error.sqlstate());
    } catch (const pqxx::in_doubt_error& error) {
        m_lost = true;
        throw Error(ErrorKind::ConnectionLost, cleanMessage(error.what()));
    } catch (const pqxx::failure& error) {
        if (!m_handle->connection.is_open()) {
            m_lost = true;
            throw Error(ErrorKind::ConnectionLost, cleanMessage(error.what()));
        }
        throw Error(ErrorKind::Other, cleanMessage(error.what()));
    }
}

int PostgresConnection::exec(const std::string& sql) {
    checkAlive();
    try {
        pqxx::nontransaction work(raw());
        return static_cast<int>(work.exec(sql).affected_rows());
    } catch (...) {
        rethrow();
    }
}

bool PostgresConnection::tableExists(const std::string& name) {
    // pg_class, not information_schema.tables: that view's planning alone
    // took 7 to 12 ms, and every open asks this twice.
    Statement query(*this, "SELECT 1 FROM pg_catalog.pg_class c "
                           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relname = ? "
                           "AND c.relkind IN ('r', 'p', 'v', 'f')");
    query.bind(1, name);
    return query.executeStep();
}

std::vector<std::string> PostgresConnection::tableNames() {
    Statement query(*this, "SELECT c.relname FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                           "ORDER BY c.oid");
    std::vector<std::string> names;
    while (query.executeStep()) {
        names.push_back(query.getColumn(0).getString());
    }
    return names;
}

void PostgresConnection::beginWrite() {
    exec("BEGIN");
    m_depth = 1;
}

void PostgresConnection::beginRead() {
    exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    m_depth = 1;
}

void PostgresConnection::commit() {
    // A commit never leaves the schema without its foreign keys, even when
    // the caller forgot the check.
    checkDeferredForeignKeys();
    m_deferredKeys.clear();
    m_restoredDepth = 0;
    // Still inside the transaction while COMMIT runs: a connection lost
    // before or during it is never made again here, so a COMMIT cannot
    // land on a new connection that has no transaction (which the server
    // would only warn about) and be taken for a saved change.
    exec("COMMIT");
    m_depth = 0;
}

void PostgresConnection::rollback() {
    m_deferredKeys.clear(); // the rollback puts them back
    m_restoredDepth = 0;
    if (m_depth == 0) {
        return;
    }
    m_depth = 0;
    if (!m_lost) {
        exec("ROLLBACK");
    }
}

void PostgresConnection::savepoint() {
    exec("SAVEPOINT knotmap_write");
    ++m_depth;
}

void PostgresConnection::releaseSavepoint() {
    exec("RELEASE SAVEPOINT knotmap_write");
    --m_depth;
    m_deferredDepth = std::min(m_deferredDepth, m_depth);
    m_restoredDepth = std::min(m_restoredDepth, m_depth);
}

void PostgresConnection::rollbackToSavepoint() {
    exec("ROLLBACK TO SAVEPOINT knotmap_write");
    exec("RELEASE SAVEPOINT knotmap_write");
    if (m_deferredDepth >= m_depth) {
        m_deferredKeys.clear(); // dropped inside the savepoint: back already
        m_restoredDepth = 0;
    } else if (m_restoredDepth >= m_depth) {
        m_restoredDepth = 0; // added back inside it: dropped again, still to add
    }
    --m_depth;
}

void PostgresConnection::deferForeignKeyChecks(const std::vector<std::string>& tables) {
    if (m_depth == 0 || !m_deferredKeys.empty()) {
        return; // outside a transaction the drop would be committed at once
    }
    std::string names;
    for (const std::string& table : tables) {
        names += (names.empty() ? "" : ",") + table;
    }
    // Only a table's owner may drop and add its constraints; the others keep
    // their per-row checks.
    Statement keys(*this,
                   "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, "
                   "c.conname), format('ALTER TABLE %s ADD CONSTRAINT %I %s', "
                   "c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) "
                   "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                   "WHERE c.contype = 'f' AND t.relname = ANY (string_to_array(?, ',')) "
                   "AND t.relnamespace = (SELECT oid FROM pg_namespace "
                   "WHERE nspname = current_schema()) "
                   "AND pg_has_role(t.relowner, 'USAGE') ORDER BY c.oid");
    keys.bind(1, names);
    std::string drop;
    std::vector<std::string> add;
    while (keys.executeStep()) {
        drop += keys.getColumn(0).getString() + ";\n";
        add.push_back(keys.getColumn(1).getString());
    }
    if (add.empty()) {
        return;
    }
    exec(drop);
    m_deferredKeys = std::move(add);
    m_deferredDepth = m_depth;
}

void PostgresConnection::checkDeferredForeignKeys() {
    if (m_deferredKeys.empty() || m_restoredDepth > 0) {
        return;
    }
    std::string add;
    for (const std::string& statement : m_deferredKeys) {
        add += statement + ";\n";
    }
    exec(add); // a failure aborts the transaction, which brings the keys back
    // Kept until the transaction ends: a rollback to a savepoint taken before
    // this point undoes the ADDs but not the DROPs, and the commit must then
    // add them again.
    m_restoredDepth = m_depth;
}

void PostgresConnection::refreshStatistics() {
    if (m_depth > 0 || m_lost) {
        return; // VACUUM cannot run inside a transaction
    }
    try {
        // Only a table's owner may vacuum it; another login's tables would
        // each be skipped with a warning.
        Statement owned(*this, "SELECT string_agg(format('%I', c.relname), ', ' ORDER BY c.oid) "
                               "FROM pg_class c WHERE c.relkind = 'r' "
                               "AND c.relnamespace = (SELECT oid FROM pg_namespace "
                               "WHERE nspname = current_schema()) "
                               "AND pg_has_role(c.relowner, 'USAGE')");
        if (!owned.executeStep() || owned.getColumn(0).isNull()) {
            return;
        }
        const std::string tables = owned.getColumn(0).getString();
        // ANALYZE first, its commit flushed to this server's disk
        // (SET LOCAL: the setting ends with the transaction, even on an
        // error): VACUUM marks a page all-visible (which the index-only
        // scans of the session counts need) only once the commit that wrote
        // its rows is on disk, and a server with synchronous_commit off
        // flushes that a moment later. SKIP_LOCKED: a table another session
        // holds (a migration, a manual VACUUM) is left to autovacuum rather
        // than keeping a finished command waiting.
        exec("BEGIN; SET LOCAL synchronous_commit = local; ANALYZE (SKIP_LOCKED) " + tables +
             "; COMMIT");
        // About 1.6 s for both after copying the 200-client history, whose
        // copy took 26 s.
        exec("VACUUM (SKIP_LOCKED) " + tables);
    } catch (const Error&) { // the rows are committed either way
        try {
            exec("ROLLBACK");    // an ANALYZE that failed leaves its transaction open
        } catch (const Error&) { // NOLINT(bugprone-empty-catch): the connection is gone
        }
    }
}

std::unique_ptr<BulkLoad> PostgresConnection::bulkLoad(const std::string& table,
                                                       const std::vector<std::string>& columns) {
    checkAlive();
    return std::make_unique<PostgresBulkLoad>(*this, table, columns);
}

void PostgresConnection::setBusyTimeout(int milliseconds) {
    // Kept for a connection made again; never a reason to fail by itself
    // (the window sets it around every retry of a waiting save).
    m_lockTimeoutMs = milliseconds;
    if (m_lost) {
        return;
    }
    try {
        exec("SET lock_timeout = " + std::to_string(milliseconds));
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::ConnectionLost) {
            throw;
        }
    }
}

std::unique_ptr<StatementImpl> PostgresConnection::prepare(const std::string& sql, bool manyRows) {
    checkAlive();
    return std::make_unique<PostgresStatement>(*this, sql, manyRows);
}

std::string PostgresConnection::preparedName(const std::string& sql) {
    const auto known = m_prepared.find(sql);
    if (known != m_prepared.end()) {
        return known->second;
    }
    std::string name = "knotmap_" + std::to_string(m_prepared.size() + 1);
    try {
        raw().prepare(name, sql);
    } catch (...) {
        rethrow();
    }
    m_prepared.emplace(sql, name);
    return name;
}

std::string PostgresConnection::nextCursorName() {
    return "knotmap_cursor_" + std::to_string(++m_cursors);
}

std::string PostgresConnection::serverVersion() {
    return execAndGet("SHOW server_version").getString();
}

bool isPostgresConnectionString(const std::string& text) {
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) {
        return true;
    }
    // A keyword string starts with "keyword=". A file could be called
    // "a=b.db" too, so libpq must also accept the whole text: it refuses
    // keywords it does not know.
    std::size_t i = 0;
    while (i < text.size() &&
           (std::islower(static_cast<unsigned char>(text[i])) != 0 || text[i] == '_')) {
        ++i;
    }
    const std::size_t equals = text.find_first_not_of(' ', i);
    if (i == 0 || equals == std::string::npos || text[equals] != '=') {
        return false;
    }
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(text.c_str(), &error);
    PQfreemem(error);
    if (options == nullptr) {
        return false;
    }
    PQconninfoFree(options);
    return true;
}

std::string describeServer(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        PQfreemem(error);
        return "the PostgreSQL server";
    }
    std::string host;
    std::string port;
    std::string dbname;
    std::string user;
    std::string service;
    for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val == nullptr) {
            continue;
        }
        const std::string keyword = option->keyword;
        if (keyword == "host" || (keyword == "hostaddr" && host.empty())) {
            host = option->val;
        } else if (keyword == "port") {
            port = option->val;
        } else if (keyword == "dbname") {
            dbname = option->val;
        } else if (keyword == "user") {
            user = option->val;
        } else if (keyword == "service") {
            service = option->val;
        }
    }
    PQconninfoFree(options);
    if (host.empty()) {
        const char* environment = std::getenv("PGHOST");
        host = environment != nullptr ? environment : "localhost";
    }
    if (port.empty()) {
        const char* environment = std::getenv("PGPORT");
        port = environment != nullptr ? environment : "5432";
    }
    if (dbname.empty()) {
        const char* environment = std::getenv("PGDATABASE");
        dbname = environment != nullptr ? environment : (user.empty() ? "" : user);
    }
    std::string text = "server " + host + ":" + port;
    if (!service.empty()) {
        text = "service " + service + " (" + text + ")";
    }
    if (!dbname.empty()) {
        text += ", database " + dbname;
    }
    return text;
}

bool isMissingPassword(const Error& error) {
    const std::string message = error.what();
    return message.find("no password supplied") != std::string::npos ||
           message.find("password authentication failed") != std::string::npos;
}

} // namespace knotmap::sql
