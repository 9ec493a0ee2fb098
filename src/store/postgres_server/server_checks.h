#pragma once

#include "store/database_info.h"

namespace knotmap {

// The server's version and its own view of the database's health, in place
// of SQLite's integrity_check: constraints and indexes the server marks as
// not valid, Knotmap's triggers switched off (its rules would no longer be
// enforced), and, when the amcheck extension is installed, the structure of
// every B-tree index.
void addServerChecks(Database& database, DatabaseInfo& info);

} // namespace knotmap
