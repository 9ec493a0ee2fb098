#include "store/export_query.h"

#include "core/timestamp.h"
#include "store/export_filter.h"

#include <SQLiteCpp/Exception.h>

#include <sqlite3.h>

namespace knotmap {

ExportQuery::ExportQuery(Database& database, const std::string& sql, const ExportOptions& options,
                         CsvWriter& csv)
    : m_database(database), m_csv(csv), m_progress(options.progress) {
    sqlite3* handle = database.sql().getHandle();
    const int result = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                          &m_statement, nullptr);
    if (result != SQLITE_OK) {
        throw SQLite::Exception(handle, result);
    }
    try {
        bindExportFilter(m_statement, options);
    } catch (...) {
        // The destructor does not run for a constructor that throws.
        sqlite3_finalize(m_statement);
        throw;
    }
}

ExportQuery::~ExportQuery() {
    sqlite3_finalize(m_statement);
}

bool ExportQuery::next() {
    // Every row stepped to before this call has been written by now.
    if (m_rows > 0 && m_rows % kExportProgressRows == 0 && m_progress) {
        m_progress(m_rows);
    }
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        ++m_rows;
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    throw SQLite::Exception(m_database.sql().getHandle(), result);
}

std::string_view ExportQuery::textOf(int column) const {
    // sqlite3_column_bytes must follow sqlite3_column_text: the text may be
    // converted on the first call, and the byte count is of the converted text.
    const auto* text = sqlite3_column_text(m_statement, column);
    if (text == nullptr) {
        return {};
    }
    const int bytes = sqlite3_column_bytes(m_statement, column);
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)};
}

void ExportQuery::id(int column) {
    m_csv.field(static_cast<std::int64_t>(sqlite3_column_int64(m_statement, column)));
}

void ExportQuery::number(int column) {
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        m_csv.emptyField();
        break;
    case SQLITE_INTEGER:
        m_csv.field(static_cast<std::int64_t>(sqlite3_column_int64(m_statement, column)));
        break;
    case SQLITE_FLOAT:
        m_csv.field(sqlite3_column_double(m_statement, column));
        break;
    default:
        m_csv.field(textOf(column));
        break;
    }
}

void ExportQuery::text(int column) {
    m_csv.textField(textOf(column));
}

void ExportQuery::code(int column) {
    m_csv.field(textOf(column));
}

void ExportQuery::localTime(int utcColumn, int offsetColumn) {
    if (sqlite3_column_type(m_statement, utcColumn) == SQLITE_NULL ||
        sqlite3_column_type(m_statement, offsetColumn) == SQLITE_NULL) {
        m_csv.emptyField();
        return;
    }
    const std::int64_t utc = sqlite3_column_int64(m_statement, utcColumn);
    const int offset = sqlite3_column_int(m_statement, offsetColumn);
    if (!m_hasLastTime || utc != m_lastUtc || offset != m_lastOffset) {
        m_lastTime = LocalTimestamp(utc, offset).toIso8601();
        m_lastUtc = utc;
        m_lastOffset = offset;
        m_hasLastTime = true;
    }
    m_csv.field(m_lastTime);
}

} // namespace knotmap
