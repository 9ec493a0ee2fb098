#include "store/export_count.h"

#include "store/export_filter.h"

#include <SQLiteCpp/Exception.h>

#include <sqlite3.h>
#include <string>

namespace knotmap {
namespace {

// The FROM and WHERE of each table's export query without its columns: the
// joins the export adds (knot, client, treatment kind) are to rows the
// foreign keys guarantee, so they cannot change the count and are left out.
std::string countSql(ExportTable table, const ExportOptions& options) {
    switch (table) {
    case ExportTable::Observations:
        return "SELECT count(*) FROM session s CROSS JOIN observation o ON o.session_id = s.id "
               "WHERE " +
               sessionFilterSql(options, "s");
    case ExportTable::Sessions:
        return "SELECT count(*) FROM session s WHERE " + sessionFilterSql(options, "s");
    case ExportTable::Treatments:
        return "SELECT count(*) FROM session s CROSS JOIN treatment t ON t.session_id = s.id "
               "WHERE " +
               sessionFilterSql(options, "s");
    case ExportTable::Knots:
        return "SELECT count(*) FROM knot WHERE " + clientFilterSql(options, "client_id");
    case ExportTable::Clients:
        break;
    }
    return "SELECT count(*) FROM client WHERE " + clientFilterSql(options, "id");
}

} // namespace

std::int64_t countExportRows(Database& database, ExportTable table, const ExportOptions& options) {
    const std::string sql = countSql(table, options);
    sqlite3* handle = database.sql().getHandle();
    sqlite3_stmt* statement = nullptr;
    int result = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                    &statement, nullptr);
    if (result != SQLITE_OK) {
        throw SQLite::Exception(handle, result);
    }
    std::int64_t rows = 0;
    try {
        bindExportFilter(statement, options);
        result = sqlite3_step(statement);
        if (result != SQLITE_ROW) {
            throw SQLite::Exception(handle, result);
        }
        rows = sqlite3_column_int64(statement, 0);
    } catch (...) {
        sqlite3_finalize(statement);
        throw;
    }
    sqlite3_finalize(statement);
    return rows;
}

} // namespace knotmap
