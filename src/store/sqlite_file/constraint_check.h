#pragma once

#include <cstddef>
#include <string>
#include <vector>

// Finding the rows that break Knotmap's constraints, by table and id. Such
// rows get in around SQLite's checks (PRAGMA ignore_check_constraints, a
// CHECK removed through PRAGMA writable_schema, foreign_keys off) and must be
// reported, never shown or exported as data.
//
// Each table is copied into a TEMP table made from Knotmap's own definition
// (store/schema_check.h, so the checks hold even when the file's copy of the
// table lost them) with INSERT OR IGNORE: the rows SQLite skips are the ones
// breaking a CHECK, NOT NULL, STRICT type or UNIQUE constraint; PRAGMA
// foreign_key_check adds rows that refer to a missing row.
namespace SQLite {
class Database;
} // namespace SQLite

namespace knotmap {

struct BadRow {
    std::string table;
    std::string key;    // "id 17", or "observation_id 3, symptom_id 2" for a table without rowid
    std::string reason; // SQLite's words, e.g. "CHECK constraint failed: pain BETWEEN 0 AND 10"
};

// How many bad rows are listed by table and id; the rest are counted.
inline constexpr std::size_t kListedBadRows = 20;

struct ConstraintFindings {
    std::vector<BadRow> rows;                 // the first kListedBadRows
    long long count = 0;                      // every bad row found
    std::vector<std::string> tables;          // tables holding bad rows
    std::vector<std::string> uncheckedTables; // missing a column or absent: see the schema check

    [[nodiscard]] bool empty() const { return count == 0; }
};

enum class BadRowHandling {
    Report, // only report; the connection is left as it was
    Hide    // also hide them from this connection: TEMP views named like the tables
};

// Checks the given tables of db (all of Knotmap's tables when empty) against
// Knotmap's schema at version. Must not run inside a transaction (foreign key
// enforcement is switched off for the copy and back on after).
[[nodiscard]] ConstraintFindings findRowsBreakingConstraints(SQLite::Database& db, int version,
                                                             std::vector<std::string> tables,
                                                             BadRowHandling handling);

// "observation id 7 (CHECK constraint failed: pain BETWEEN 0 AND 10)".
[[nodiscard]] std::string describe(const BadRow& row);

} // namespace knotmap
