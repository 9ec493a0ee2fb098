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
        writeImport(database, source, plan);
        transaction.commit();
    }
    return plan;
}

} // namespace knotmap
