#include "store/database_info.h"

#include "core/timestamp.h"
#include "store/migrations.h"

#include <SQLiteCpp/Statement.h>

namespace knotmap {
namespace {

std::optional<std::string> sessionTime(SQLite::Database& db, const char* order) {
    SQLite::Statement query(db, std::string("SELECT started_utc, utc_offset_min FROM session "
                                            "ORDER BY started_utc ") +
                                    order + " LIMIT 1");
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return LocalTimestamp(query.getColumn(0).getInt64(), query.getColumn(1).getInt()).toIso8601();
}

} // namespace

DatabaseInfo collectDatabaseInfo(Database& database) {
    SQLite::Database& db = database.sql();
    DatabaseInfo info;
    info.schemaVersion = schemaVersion(db);

    std::vector<std::string> tables;
    SQLite::Statement tableQuery(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                     "name NOT LIKE 'sqlite_%' ORDER BY rowid");
    while (tableQuery.executeStep()) {
        tables.push_back(tableQuery.getColumn(0).getString());
    }
    for (const std::string& table : tables) {
        // Table names come from sqlite_schema, not from the user; quote anyway.
        const long long rows = db.execAndGet("SELECT count(*) FROM \"" + table + "\"").getInt64();
        info.rowsPerTable.emplace_back(table, rows);
    }

    info.firstSession = sessionTime(db, "ASC");
    info.lastSession = sessionTime(db, "DESC");

    SQLite::Statement check(db, "PRAGMA integrity_check");
    while (check.executeStep()) {
        if (!info.integrityCheck.empty()) {
            info.integrityCheck += '\n';
        }
        info.integrityCheck += check.getColumn(0).getString();
    }
    info.findings = inspectDatabase(db, info.schemaVersion, {}, true, BadRowHandling::Report);
    return info;
}

} // namespace knotmap
