#pragma once

#include "store/sql/connection.h"

#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// One numbered schema step of one backend, embedded into the binary from
// db/sqlite/NNN_name.sql or db/postgresql/NNN_name.sql. Each backend counts
// its own versions: SQLite's 5 and PostgreSQL's 1 may hold the same schema.
struct Migration {
    int version = 0;  // NNN: the schema version after applying it
    std::string name; // file name, for messages
    std::string_view sql;
};

// A backend's embedded migrations in version order: 1, 2, 3... without gaps.
[[nodiscard]] const std::vector<Migration>& migrations(sql::Dialect dialect);
[[nodiscard]] int latestSchemaVersion(sql::Dialect dialect);
// The SQLite file schema's latest version (most callers' default).
[[nodiscard]] inline int latestSchemaVersion() {
    return latestSchemaVersion(sql::Dialect::SQLite);
}

// The version recorded in the database: SQLite's PRAGMA user_version, or the
// row of PostgreSQL's knotmap_schema_version table (0 when it has none).
[[nodiscard]] int schemaVersion(sql::Connection& db);

// Applies the backend's migrations after the database's current version up
// to targetVersion, each in its own transaction that also records the new
// version. Throws StoreError naming the migration when one fails; earlier
// ones stay applied, unless the caller holds a transaction around them all
// (a new server database's schema is created so): each is then a savepoint.
void migrate(sql::Connection& db, int targetVersion);

} // namespace knotmap
