#pragma once

#include "core/csv_writer.h"
#include "store/database.h"
#include "store/sql/statement.h"
#include "store/table_export.h"

#include <cstdint>
#include <functional>
#include <string>

namespace knotmap {

// One export query, stepped row by row, whose cells are written straight from
// SQLite's own buffers: a million-row export then builds no std::string and
// copies no shared_ptr (as sql::Column does) per cell. The query's
// :client/:utc_from/... parameters are bound from the options
// (store/export_filter.h).
class ExportQuery {
public:
    ExportQuery(Database& database, const std::string& sql, const ExportOptions& options,
                CsvWriter& csv);
    ~ExportQuery();
    ExportQuery(const ExportQuery&) = delete;
    ExportQuery& operator=(const ExportQuery&) = delete;

    // Moves to the next row; false after the last. Throws sql::Error,
    // or what the options' progress callback throws.
    [[nodiscard]] bool next();

    void id(int column);     // an integer that is never NULL
    void number(int column); // integer or real; empty when NULL (unknown)
    void text(int column);   // typed by a person: neutralised when the writer says so
    void code(int column);   // written by the program (view, kind, region code): as stored
    // Unix seconds and minutes east of UTC as local ISO 8601; empty when
    // either is NULL. Consecutive rows of one session reuse the formatted text.
    void localTime(int utcColumn, int offsetColumn);
    // The cell as the backend holds it, valid until the next call to next().
    [[nodiscard]] std::string_view textOf(int column) const;

private:
    sql::Statement m_statement;
    CsvWriter& m_csv;
    const std::function<void(std::int64_t)>& m_progress;
    std::int64_t m_rows = 0; // rows stepped to, all written once next() is called again
    bool m_hasLastTime = false;
    std::int64_t m_lastUtc = 0;
    int m_lastOffset = 0;
    std::string m_lastTime;
};

} // namespace knotmap
