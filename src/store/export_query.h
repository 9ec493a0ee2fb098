#pragma once

#include "core/csv_columns.h"
#include "core/csv_writer.h"
#include "store/database.h"
#include "store/sql/statement.h"
#include "store/table_export.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace knotmap {

// One export query, stepped row by row, whose cells are written straight from
// SQLite's own buffers: a million-row export then builds no std::string and
// copies no shared_ptr (as sql::Column does) per cell. The query's
// :client/:utc_from/... parameters are bound from the options
// (store/export_filter.h).
//
// Each cell names the CSV column it fills (core/csv_columns.h) and the query
// column it comes from. Cells must come in the table's column order and a
// row must fill every column: a writer that skips or repeats one throws
// std::logic_error on its first row, rather than shifting every later cell.
class ExportQuery {
public:
    ExportQuery(Database& database, const std::string& sql, const ExportOptions& options,
                CsvWriter& csv, CsvColumns columns);
    ~ExportQuery();
    ExportQuery(const ExportQuery&) = delete;
    ExportQuery& operator=(const ExportQuery&) = delete;

    // Moves to the next row; false after the last. Throws sql::Error,
    // or what the options' progress callback throws.
    [[nodiscard]] bool next();

    void id(CsvColumn to, int column);     // an integer that is never NULL
    void number(CsvColumn to, int column); // integer or real; empty when NULL (unknown)
    void text(CsvColumn to, int column);   // typed by a person: neutralised when the writer says so
    void code(CsvColumn to,
              int column); // written by the program (view, kind, region code): as stored
    // Unix seconds and minutes east of UTC as local ISO 8601; empty when
    // either is NULL. Consecutive rows of one session reuse the formatted text.
    void localTime(CsvColumn to, int utcColumn, int offsetColumn);
    // A value the program works out rather than reads (e.g. from the atlas),
    // written as it is; none is empty (unknown).
    void derived(CsvColumn to, std::optional<std::string_view> value);
    // Ends the row; throws std::logic_error unless every column was written.
    void endRow();
    // The cell as the backend holds it, valid until the next call to next().
    [[nodiscard]] std::string_view textOf(int column) const;

private:
    // Checks that `to` is the next column of the row.
    void expect(CsvColumn to);

    sql::Statement m_statement;
    CsvWriter& m_csv;
    CsvColumns m_columns;
    std::size_t m_nextColumn = 0;
    const std::function<void(std::int64_t)>& m_progress;
    std::int64_t m_rows = 0; // rows stepped to, all written once next() is called again
    bool m_hasLastTime = false;
    std::int64_t m_lastUtc = 0;
    int m_lastOffset = 0;
    std::string m_lastTime;
};

} // namespace knotmap
