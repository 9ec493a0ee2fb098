#include "store/copy/row_writer.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace knotmap::copy {
namespace {

std::string shortestText(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc()) {
        throw std::logic_error("a double did not fit in 32 characters");
    }
    return {buffer, end};
}

double doubleOf(const std::string& text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw std::invalid_argument("not a number: '" + text + "'");
    }
    return value;
}

bool hasRealColumn(const CopyTable& table) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [](const CopyColumn& column) { return column.real; });
}

std::string insertSql(const CopyTable& table) {
    std::string names;
    std::string marks;
    for (const CopyColumn& column : table.columns) {
        names += (names.empty() ? "" : ", ") + column.name;
        marks += marks.empty() ? "?" : ", ?";
    }
    return "INSERT INTO " + table.name + " (" + names + ") VALUES (" + marks + ")";
}

std::vector<std::string> columnNames(const CopyTable& table) {
    std::vector<std::string> names;
    for (const CopyColumn& column : table.columns) {
        names.push_back(column.name);
    }
    return names;
}

} // namespace

void readRow(const sql::Statement& source, const CopyTable& table, sql::BulkRow& row) {
    row.resize(table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const sql::Column cell = source.getColumn(static_cast<int>(i));
        const sql::ValueType type = cell.type();
        if (type == sql::ValueType::Null) {
            row[i].reset();
        } else if (type == sql::ValueType::Float) {
            row[i] = shortestText(cell.getDouble());
        } else {
            row[i] = std::string(cell.view());
        }
    }
}

RowWriter::RowWriter(sql::Connection& destination, const CopyTable& table) : m_table(table) {
    if (destination.dialect() == sql::Dialect::SQLite && hasRealColumn(table)) {
        m_insert.emplace(destination, insertSql(table));
    } else {
        m_bulk = destination.bulkLoad(table.name, columnNames(table));
    }
}

void RowWriter::add(const sql::BulkRow& row) {
    if (m_bulk) {
        m_bulk->add(row);
        return;
    }
    m_insert->reset();
    for (std::size_t i = 0; i < row.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (!row[i]) {
            m_insert->bind(index);
        } else if (m_table.columns[i].real) {
            m_insert->bind(index, doubleOf(*row[i]));
        } else {
            m_insert->bind(index, *row[i]);
        }
    }
    m_insert->exec();
}

void RowWriter::finish() {
    if (m_bulk) {
        m_bulk->finish();
    }
}

} // namespace knotmap::copy
