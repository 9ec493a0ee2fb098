#pragma once

#include "store/sqlite_file/constraint_check.h"

#include <filesystem>
#include <string>
#include <vector>

// What opening a database found against Knotmap's own schema and rules:
// objects of the schema that differ (store/schema_check.h) and rows that
// break a constraint (store/constraint_check.h).
namespace SQLite {
class Database;
} // namespace SQLite

namespace knotmap {

struct OpenFindings {
    std::vector<std::string> schemaDifferences; // one line each, naming the object
    ConstraintFindings badRows;

    [[nodiscard]] bool empty() const { return schemaDifferences.empty() && badRows.empty(); }
    // One line for a message: the first few of each and how many more, e.g.
    // "1 row breaks Knotmap's constraints: observation id 7 (CHECK
    // constraint failed: pain BETWEEN 0 AND 10)".
    [[nodiscard]] std::string summary() const;
};

// Compares db's schema with Knotmap's at version and, where there is cause
// (a table that differs, or one of suspectTables that quick_check named),
// looks for the rows breaking constraints. allTables checks every table's
// rows whatever the cause (knotmap info). Cheap when nothing is wrong: the
// schema comparison reads sqlite_schema only.
[[nodiscard]] OpenFindings inspectDatabase(SQLite::Database& db, int version,
                                           std::vector<std::string> suspectTables, bool allTables,
                                           BadRowHandling handling);

// "PATH: ... ; `knotmap info --db PATH` lists them", for refusing to use the file.
[[nodiscard]] std::string refusalMessage(const std::filesystem::path& path,
                                         const OpenFindings& findings);

} // namespace knotmap
