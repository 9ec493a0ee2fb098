#pragma once

#include "store/database.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotmap {

// What `knotmap info` reports about a database.
struct DatabaseInfo {
    int schemaVersion = 0;
    std::vector<std::pair<std::string, long long>> rowsPerTable; // in schema order
    std::optional<std::string> firstSession;                     // local ISO 8601 with offset
    std::optional<std::string> lastSession;
    std::string integrityCheck; // "ok" or SQLite's findings, one per line
};

[[nodiscard]] DatabaseInfo collectDatabaseInfo(Database& database);

} // namespace knotmap
