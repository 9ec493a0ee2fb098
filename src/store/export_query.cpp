#include "store/export_query.h"

#include "core/timestamp.h"
#include "store/export_filter.h"

#include <stdexcept>

namespace knotmap {

ExportQuery::ExportQuery(Database& database, const std::string& sql, const ExportOptions& options,
                         CsvWriter& csv, CsvColumns columns)
    : m_statement(database.sql(), sql, sql::Rows::Many), m_csv(csv), m_columns(columns),
      m_progress(options.progress) {
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

void ExportQuery::expect(CsvColumn to) {
    if (!to.isOf(m_columns.names()) || to.index() != m_nextColumn) {
        throw std::logic_error("export writes column " + std::string(to.name()) + " where " +
                               (m_nextColumn < m_columns.size()
                                    ? std::string(m_columns.names()[m_nextColumn])
                                    : std::string("the end of the row")) +
                               " belongs");
    }
    ++m_nextColumn;
}

void ExportQuery::endRow() {
    if (m_nextColumn != m_columns.size()) {
        throw std::logic_error("export ends a row before column " +
                               std::string(m_columns.names()[m_nextColumn]));
    }
    m_nextColumn = 0;
    m_csv.endRow();
}

std::string_view ExportQuery::textOf(int column) const {
    return m_statement.getColumn(column).view();
}

void ExportQuery::id(CsvColumn to, int column) {
    expect(to);
    m_csv.field(static_cast<std::int64_t>(m_statement.getColumn(column).getInt64()));
}

void ExportQuery::number(CsvColumn to, int column) {
    expect(to);
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

void ExportQuery::text(CsvColumn to, int column) {
    expect(to);
    m_csv.textField(textOf(column));
}

void ExportQuery::code(CsvColumn to, int column) {
    expect(to);
    m_csv.field(textOf(column));
}

void ExportQuery::localTime(CsvColumn to, int utcColumn, int offsetColumn) {
    expect(to);
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

void ExportQuery::derived(CsvColumn to, std::optional<std::string_view> value) {
    expect(to);
    if (value) {
        m_csv.field(*value);
    } else {
        m_csv.emptyField();
    }
}

} // namespace knotmap
