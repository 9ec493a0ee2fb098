#pragma once

#include "store/database_location.h"

#include <filesystem>
#include <string>

namespace knotmap {

// The database to open: --db PATH when given, else $KNOTMAP_DB, else
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path resolveDatabasePath(const std::string& commandLinePath);

// The same choice, where --db and $KNOTMAP_DB may also name a PostgreSQL
// database by URI (postgresql://user@host:5432/clinic?sslmode=require) or
// libpq keywords ("host=db.clinic.lan dbname=clinic").
[[nodiscard]] DatabaseLocation resolveDatabase(const std::string& commandLineValue);

// Where Knotmap keeps its database when nobody chose another place:
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

} // namespace knotmap
