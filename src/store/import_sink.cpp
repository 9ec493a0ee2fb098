#include "store/import_sink.h"

#include <array>
#include <charconv>
#include <stdexcept>

namespace knotmap {

ImportSink::ImportSink(sql::Connection& db, std::string table, std::vector<std::string> columns)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
      m_copy(db.dialect() == sql::Dialect::PostgreSQL) {
    if (m_copy) {
        m_row.reserve(m_columns.size());
        return;
    }
    std::string names;
    std::string marks;
    for (const std::string& column : m_columns) {
        names += (names.empty() ? "" : ", ") + column;
        marks += marks.empty() ? "?" : ", ?";
    }
    m_insert.emplace(db, "INSERT INTO " + m_table + " (" + names + ") VALUES (" + marks + ")");
}

ImportSink& ImportSink::null() {
    if (m_copy) {
        m_row.emplace_back(std::nullopt);
    } else {
        m_insert->bind(++m_column);
    }
    return *this;
}

ImportSink& ImportSink::integer(std::int64_t value) {
    if (m_copy) {
        m_row.emplace_back(std::to_string(value));
    } else {
        m_insert->bind(++m_column, static_cast<long long>(value));
    }
    return *this;
}

ImportSink& ImportSink::real(double value) {
    if (m_copy) {
        // The shortest text that reads back as the same double: PostgreSQL's
        // float8 input is exact (SQLite's is not, hence the typed bind).
        std::array<char, 32> buffer{};
        const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
        m_row.emplace_back(std::string(buffer.data(), end));
    } else {
        m_insert->bind(++m_column, value);
    }
    return *this;
}

ImportSink& ImportSink::text(std::string_view value) {
    if (m_copy) {
        m_row.emplace_back(std::string(value));
    } else {
        m_insert->bind(++m_column, value);
    }
    return *this;
}

void ImportSink::endRow() {
    const std::size_t cells = m_copy ? m_row.size() : static_cast<std::size_t>(m_column);
    if (cells != m_columns.size()) {
        throw std::logic_error("import row for " + m_table + " has " + std::to_string(cells) +
                               " cells, not " + std::to_string(m_columns.size()));
    }
    if (m_copy) {
        m_rows.push_back(std::move(m_row));
        m_row = {};
        m_row.reserve(m_columns.size());
        return;
    }
    m_insert->exec();
    m_insert->tryReset();
    m_column = 0;
}

void ImportSink::flush() {
    if (!m_copy || m_rows.empty()) {
        return;
    }
    const auto load = m_db.bulkLoad(m_table, m_columns);
    for (const sql::BulkRow& row : m_rows) {
        load->add(row);
    }
    load->finish();
    m_rows.clear();
}

void ImportSinks::rowWritten() {
    if (++m_rows >= kChunkRows) {
        flush();
    }
}

void ImportSinks::flush() {
    for (ImportSink* sink : m_sinks) {
        sink->flush();
    }
    m_rows = 0;
}

} // namespace knotmap
