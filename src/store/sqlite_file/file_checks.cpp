#include "store/sqlite_file/file_checks.h"

#include "store/sql/sqlite/sqlite_connection.h"
#include "store/sql/statement.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace knotmap {

void addFileChecks(Database& database, DatabaseInfo& info) {
    info.checksName = "integrity_check";
    sql::Statement check(database.sql(), "PRAGMA integrity_check");
    while (check.executeStep()) {
        if (!info.integrityCheck.empty()) {
            info.integrityCheck += '\n';
        }
        info.integrityCheck += check.getColumn(0).getString();
    }
    info.findings = inspectDatabase(sql::sqliteDatabaseOf(database.sql()), info.schemaVersion, {},
                                    true, BadRowHandling::Report);
}

} // namespace knotmap
