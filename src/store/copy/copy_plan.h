#pragma once

#include <string>
#include <utility>
#include <vector>

// What `knotmap copy` copies, table by table in an order the foreign keys
// and the signed-visit rules accept, and how each column is read from the
// source. Both schemas (db/sqlite, db/postgresql) have these tables and
// columns; copy refuses a database that has others (store/copy/copy_checks.h),
// so a column added by a later migration cannot be left behind unnoticed.
namespace knotmap::copy {

struct CopyColumn {
    CopyColumn(std::string columnName, std::string expression = {}, bool isReal = false) // NOLINT
        : name(std::move(columnName)), read(std::move(expression)), real(isReal) {}
    CopyColumn(const char* columnName) : name(columnName) {} // NOLINT: a column read as it is

    std::string name;
    // The source expression that gives the value to load (over the table
    // aliased t); empty: the column itself.
    std::string read;
    // A double (knot.x, knot.y): read as a double, never as the backend's
    // text, which SQLite shortens to 15 digits.
    bool real = false;
};

// How a table's rows reach the destination.
enum class Load {
    Bulk,  // streamed through Connection::bulkLoad in key order
    Replay // inserted one by one in id order so the schema applies each (amendments)
};

struct CopyTable {
    std::string name;
    std::vector<CopyColumn> columns; // the columns loaded with the rows
    // Columns the table has that are written after the contents instead
    // (session.signed_by and signed_utc: a signed visit takes no more
    // ratings, treatments or triggers).
    std::vector<std::string> signature;
    std::string where;   // a condition on t, or empty
    std::string orderBy; // over t
    Load load = Load::Bulk;
    // observation_symptom, observation_referral: the lists of ratings with
    // such an amendment are loaded from the amendments instead of the rows
    // (signed_visit_copy.h).
    bool listsBeforeAmendments = false;
    // The sessions are signed once this table (the last of a visit's
    // contents) is in, before the amendments that need the signature.
    bool signSessionsAfter = false;
};

// Every table Knotmap keeps records in, parents before children.
[[nodiscard]] const std::vector<CopyTable>& copyPlan();

// The vocabularies both schemas seed; copy replaces the destination's seed
// with the source's rows.
[[nodiscard]] bool isVocabulary(const std::string& table);

// SELECT of the table's columns as the plan reads them, in plan order.
[[nodiscard]] std::string sourceQuery(const CopyTable& table);

// Every column the table has in both schemas (loaded and signature).
[[nodiscard]] std::vector<std::string> allColumns(const CopyTable& table);

} // namespace knotmap::copy
