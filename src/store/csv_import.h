#pragma once

#include "core/import_problems.h"
#include "store/database.h"
#include "store/import_check.h"
#include "store/import_source.h"

#include <stdexcept>

// `knotmap import` of Knotmap's own CSV export (docs/csv-format.md).
namespace knotmap {

// The files were not imported; problems() says why, row by row.
class ImportRejected : public std::runtime_error {
public:
    explicit ImportRejected(ImportProblems problems);
    [[nodiscard]] const ImportProblems& problems() const { return m_problems; }

private:
    ImportProblems m_problems;
};

// Checks every row of every file first; only when all is well (and not a dry
// run) writes it all in one transaction. Throws ImportRejected, leaving the
// database as it was, when anything is wrong.
ImportPlan importKnotmapCsv(Database& database, const ImportSource& source, bool dryRun);

} // namespace knotmap
