#pragma once

#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// The rows an import writes into one table, cell by cell in the order of
// the columns given. Into an SQLite file each row is one run of a prepared
// INSERT, bound with its own types. Into PostgreSQL, one statement per row
// would cost a round trip to the server each (1.7 million for a practice's
// observations), so rows are kept and written by COPY when flushed. A COPY
// holds the connection until it ends, so the import flushes every table, in
// the order their foreign keys need, every few thousand rows
// (ImportSinks): memory holds one chunk, never a whole file.
class ImportSink {
public:
    ImportSink(sql::Connection& db, std::string table, std::vector<std::string> columns);

    ImportSink& null();
    ImportSink& integer(std::int64_t value);
    ImportSink& real(double value);
    ImportSink& text(std::string_view value);
    template <typename T>
    ImportSink& optionalInteger(const std::optional<T>& value) {
        return value ? integer(*value) : null();
    }
    // Ends the row: SQLite inserts it now, PostgreSQL keeps it for flush().
    void endRow();
    // PostgreSQL: writes the rows kept with one COPY. Nothing for SQLite.
    void flush();

private:
    sql::Connection& m_db;
    std::string m_table;
    std::vector<std::string> m_columns;
    bool m_copy;
    std::optional<sql::Statement> m_insert; // SQLite
    int m_column = 0;
    std::vector<sql::BulkRow> m_rows; // PostgreSQL: kept until flush()
    sql::BulkRow m_row;
};

// An import's sinks in the order their rows must reach the database (a
// session before its triggers, an observation before its symptoms), flushed
// together every kChunkRows rows and at the end.
class ImportSinks {
public:
    static constexpr int kChunkRows = 20000;
    explicit ImportSinks(std::vector<ImportSink*> inOrder) : m_sinks(std::move(inOrder)) {}
    // Counts one row written; flushes every sink when the chunk is full.
    void rowWritten();
    void flush();

private:
    std::vector<ImportSink*> m_sinks;
    int m_rows = 0;
};

} // namespace knotmap
