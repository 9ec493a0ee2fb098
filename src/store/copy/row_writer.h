#pragma once

#include "store/copy/copy_plan.h"
#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

// Writing one table's rows into the destination during a copy, and reading
// them from the source, so that every value arrives exactly as it left.
namespace knotmap::copy {

// Reads the current row of a source query made by sourceQuery(table) into
// row (one cell per plan column; NULL stays std::nullopt). A double is
// written as the shortest text that reads back as the same double, whatever
// text the source backend would give (SQLite's has 15 digits).
void readRow(const sql::Statement& source, const CopyTable& table, sql::BulkRow& row);

// The rows of one table on their way into the destination, through
// Connection::bulkLoad (PostgreSQL's COPY, SQLite's reused INSERT). The
// exception is a table with a double column going into an SQLite file: SQLite
// 3.40 reads some texts into a REAL column one ulp off (79 of 2 million
// random shortest texts tried), so those values are bound as doubles through
// a prepared INSERT of the same shape.
class RowWriter {
public:
    RowWriter(sql::Connection& destination, const CopyTable& table);
    void add(const sql::BulkRow& row);
    // Completes the load; a row the destination refuses may be reported
    // here at the latest.
    void finish();

private:
    const CopyTable& m_table;
    std::unique_ptr<sql::BulkLoad> m_bulk;
    std::optional<sql::Statement> m_insert;
};

} // namespace knotmap::copy
