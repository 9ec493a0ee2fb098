#pragma once

#include <filesystem>
#include <string>

namespace knotmap {

// The database to open: --db PATH when given, else $KNOTMAP_DB, else
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path resolveDatabasePath(const std::string& commandLinePath);

// Where Knotmap keeps its database when nobody chose another place:
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

} // namespace knotmap
