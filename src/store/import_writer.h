#pragma once

#include "store/database.h"
#include "store/import_check.h"
#include "store/import_source.h"

namespace knotmap {

// Writes an import that checkImport passed, reading the files a second time
// (so memory does not grow with the file). Runs inside the caller's
// transaction and throws StoreError, leaving the rollback to the caller, if a
// file no longer reads the way it did when it was checked.
void writeImport(Database& database, const ImportSource& source, const ImportPlan& plan);

} // namespace knotmap
