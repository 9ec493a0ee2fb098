#include "store/database_info.h"

#include "core/timestamp.h"
#include "store/migrations.h"
#include "store/postgres_server/server_checks.h"
#include "store/sql/statement.h"
#include "store/sqlite_file/file_checks.h"

namespace knotmap {
namespace {

std::optional<std::string> sessionTime(sql::Connection& db, const char* order) {
    sql::Statement query(db, std::string("SELECT started_utc, utc_offset_min FROM session "
                                         "ORDER BY started_utc ") +
                                 order + " LIMIT 1");
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return LocalTimestamp(query.getColumn(0).getInt64(), query.getColumn(1).getInt()).toIso8601();
}

} // namespace

DatabaseInfo collectDatabaseInfo(Database& database) {
    sql::Connection& db = database.sql();
    DatabaseInfo info;
    info.schemaVersion = schemaVersion(db);

    for (const std::string& table : db.tableNames()) {
        // Table names come from the database's catalog, not from the user; quote anyway.
        const long long rows = db.execAndGet("SELECT count(*) FROM \"" + table + "\"").getInt64();
        info.rowsPerTable.emplace_back(table, rows);
    }

    info.firstSession = sessionTime(db, "ASC");
    info.lastSession = sessionTime(db, "DESC");

    if (database.isServer()) {
        addServerChecks(database, info);
    } else {
        addFileChecks(database, info);
    }
    return info;
}

} // namespace knotmap
