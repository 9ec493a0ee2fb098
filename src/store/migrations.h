#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// One numbered schema step, db/NNN_name.sql, embedded into the binary.
struct Migration {
    int version = 0;  // NNN: the user_version after applying it
    std::string name; // file name, for messages
    std::string_view sql;
};

// All embedded migrations in version order. Versions run 1, 2, 3... with no gaps.
[[nodiscard]] const std::vector<Migration>& migrations();
[[nodiscard]] int latestSchemaVersion();

[[nodiscard]] int schemaVersion(SQLite::Database& db);

// Applies migrations after the database's current version up to targetVersion,
// each in its own transaction that also sets PRAGMA user_version. Throws
// StoreError naming the migration when one fails; earlier ones stay applied.
void migrate(SQLite::Database& db, int targetVersion);

} // namespace knotmap
