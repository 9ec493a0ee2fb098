#include "store/export_query.h"

#include "core/timestamp.h"
#include "store/export_filter.h"


namespace knotmap {

ExportQuery::ExportQuery(Database& database, const std::string& sql, const ExportOptions& options,
                         CsvWriter& csv)
    : m_statement(database.sql(), sql, sql::Rows::Many), m_csv(csv), m_progress(options.progress) {
    bindExportFilter(m_statement, options);
}

ExportQuery::~ExportQuery() = default;

bool ExportQuery::next() {
    // Every row stepped to before this call has been written by now.
    if (m_rows > 0 && m_rows % kExportProgressRows == 0 && m_progress) {
        m_progress(m_rows);
    }
    if (m_statement.executeStep()) {
        ++m_rows;
        return true;
    }
    return false;
}

std::string_view ExportQuery::textOf(int column) const {
    return m_statement.getColumn(column).view();
}

void ExportQuery::id(int column) {
    m_csv.field(static_cast<std::int64_t>(m_statement.getColumn(column).getInt64()));
}

void ExportQuery::number(int column) {
    const sql::Column cell = m_statement.getColumn(column);
    switch (cell.type()) {
    case sql::ValueType::Null:
        m_csv.emptyField();
        break;
    case sql::ValueType::Integer:
        m_csv.field(static_cast<std::int64_t>(cell.getInt64()));
        break;
    case sql::ValueType::Float:
        m_csv.field(cell.getDouble());
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
    if (m_statement.getColumn(utcColumn).isNull() || m_statement.getColumn(offsetColumn).isNull()) {
        m_csv.emptyField();
        return;
    }
    const std::int64_t utc = m_statement.getColumn(utcColumn).getInt64();
    const int offset = m_statement.getColumn(offsetColumn).getInt();
    if (!m_hasLastTime || utc != m_lastUtc || offset != m_lastOffset) {
        m_lastTime = LocalTimestamp(utc, offset).toIso8601();
        m_lastUtc = utc;
        m_lastOffset = offset;
        m_hasLastTime = true;
    }
    m_csv.field(m_lastTime);
}

} // namespace knotmap
