#pragma once

#include <string>
#include <vector>

// Is the schema in a file the one Knotmap's migrations make? A file edited
// outside Knotmap (a CHECK dropped through PRAGMA writable_schema, a trigger
// removed in the sqlite3 shell) would otherwise be trusted to hold rules it
// no longer holds. The expected schema is never a copy kept in the code: it
// is built by applying the embedded migrations (db/*.sql) to a private
// in-memory database, once per version per process.
namespace SQLite {
class Database;
} // namespace SQLite

namespace knotmap {

// One table, index, trigger or view as sqlite_schema records it.
struct SchemaObject {
    std::string type; // "table", "index", "trigger", "view"
    std::string name;
    std::string tableName;
    std::string sql;
};

// One way a file's schema differs from Knotmap's, for one object.
struct SchemaDifference {
    std::string type;
    std::string name;
    std::string tableName; // the table the object belongs to (its own name for a table)
    std::string problem;   // one line naming the object, e.g. "trigger x is missing"
};

// Knotmap's schema at version (1 to latestSchemaVersion()), in creation
// order, without SQLite's internal objects (sqlite_*).
[[nodiscard]] const std::vector<SchemaObject>& knotmapSchema(int version);

// Each object of db's main schema that is missing, changed or extra compared
// with Knotmap's schema at version. Empty when the schema is Knotmap's own.
[[nodiscard]] std::vector<SchemaDifference> compareWithKnotmapSchema(SQLite::Database& db,
                                                                     int version);

} // namespace knotmap
