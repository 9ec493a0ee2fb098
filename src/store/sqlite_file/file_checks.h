#pragma once

#include "store/database_info.h"

namespace knotmap {

// SQLite's own integrity_check of the whole file, the schema compared with
// Knotmap's, and every table's rows checked against its constraints.
void addFileChecks(Database& database, DatabaseInfo& info);

} // namespace knotmap
