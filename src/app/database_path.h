#pragma once

#include "store/database_location.h"

#include <filesystem>
#include <string>

namespace knotmap {

// What --db says it takes, the same for every command.
inline constexpr const char* kDbOptionHelp =
    "Database file, or a PostgreSQL URI or keyword string such as "
    "postgresql://dana@clinic.lan/knotmap (default: $KNOTMAP_DB, else "
    "$XDG_DATA_HOME/knotmap/knotmap.db); a server's password comes from "
    "PGPASSWORD, ~/.pgpass or a service file, never from the command line";

// The database to open: --db PATH when given, else $KNOTMAP_DB, else
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path resolveDatabasePath(const std::string& commandLinePath);

// The same choice, where --db and $KNOTMAP_DB may also name a PostgreSQL
// database by URI (postgresql://user@host:5432/clinic?sslmode=require) or
// libpq keywords ("host=db.clinic.lan dbname=clinic"). An encrypted file's
// passphrase is read here, once (app/database_unlock.h).
[[nodiscard]] DatabaseLocation resolveDatabase(const std::string& commandLineValue);

// Where Knotmap keeps its database when nobody chose another place:
// $XDG_DATA_HOME/knotmap/knotmap.db, else ~/.local/share/knotmap/knotmap.db.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

} // namespace knotmap
