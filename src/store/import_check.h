#pragma once

#include "core/import_problems.h"
#include "store/database.h"
#include "store/import_source.h"

#include <cstdint>
#include <string>
#include <vector>

namespace knotmap {

// A table's ids as they go into the database: kept when they are all above
// the ids already there, else moved past them (by the largest id there), so
// an export can be imported into a database that already holds clients.
struct IdShift {
    Id offset = 0;
    [[nodiscard]] Id operator()(Id id) const { return id + offset; }
};

// What checking an import found, for writing it (store/import_writer.h) and
// for telling the person what will happen.
struct ImportPlan {
    ImportShape shape = ImportShape::AllTables;
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t observations = 0;
    std::int64_t treatments = 0;
    IdShift clientIds;
    IdShift sessionIds;
    IdShift knotIds;
    IdShift treatmentIds;
    // Vocabulary codes the files use that the database lacks, in the order
    // they first appear; the import adds them as custom entries.
    std::vector<std::string> newSymptoms;
    std::vector<std::string> newTreatmentKinds;
    std::vector<std::string> newTriggers;
};

// Reads every file of the import and checks every row: values, references
// between the tables, repeated columns that must agree, and clashes with
// the database (a client name it already has). Writes nothing. The plan is
// only good to write when `problems` is empty afterwards.
[[nodiscard]] ImportPlan checkImport(Database& database, const ImportSource& source,
                                     ImportProblems& problems);

} // namespace knotmap
