#include "store/csv_import.h"

#include "store/import_temp_store.h"
#include "store/import_writer.h"
#include "store/write_transaction.h"

namespace knotmap {

ImportRejected::ImportRejected(ImportProblems problems)
    : std::runtime_error(problems.describe()), m_problems(std::move(problems)) {}

ImportPlan importKnotmapCsv(Database& database, const ImportSource& source, bool dryRun) {
    ImportProblems problems;
    const ImportPlan plan = checkImport(database, source, problems);
    if (!problems.empty()) {
        throw ImportRejected(std::move(problems));
    }
    if (!dryRun) {
        const ImportTempStore tempStore(database.sql());
        WriteTransaction transaction(database.sql());
        // Into a server database whose schema this import creates, the
        // foreign keys are checked once at the end rather than row by row
        // (most of the time of a large import). Into one that exists, row by
        // row as always: dropping a key locks the tables it joins, and
        // another program may be reading them.
        if (database.openReport().creationPending) {
            database.sql().deferForeignKeyChecks({"client", "session", "session_trigger", "knot",
                                                  "observation", "observation_symptom",
                                                  "observation_referral", "treatment"});
        }
        writeImport(database, source, plan);
        database.sql().checkDeferredForeignKeys();
        transaction.commit();
    }
    return plan;
}

} // namespace knotmap
