#include "store/export_count.h"

#include "store/export_filter.h"
#include "store/sql/sql_error.h"
#include "store/sql/statement.h"

#include <string>

namespace knotmap {
namespace {

// The FROM and WHERE of each table's export query without its columns: the
// joins the export adds (knot, client, treatment kind) are to rows the
// foreign keys guarantee, so they cannot change the count and are left out.
std::string countSql(ExportTable table, const ExportOptions& options) {
    switch (table) {
    case ExportTable::Observations:
        return "SELECT count(*) FROM session s CROSS JOIN observation o "
               "WHERE o.session_id = s.id AND " +
               sessionFilterSql(options, "s");
    case ExportTable::Sessions:
        return "SELECT count(*) FROM session s WHERE " + sessionFilterSql(options, "s");
    case ExportTable::Treatments:
        return "SELECT count(*) FROM session s CROSS JOIN treatment t "
               "WHERE t.session_id = s.id AND " +
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
    sql::Statement count(database.sql(), countSql(table, options));
    bindExportFilter(count, options);
    return count.executeStep() ? count.getColumn(0).getInt64() : 0;
}

} // namespace knotmap
