#include "store/export_filter.h"

#include <SQLiteCpp/Exception.h>

#include <sqlite3.h>

namespace knotmap {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// The schema bounds a session's UTC offset to +-18 h (db/001_initial.sql).
constexpr std::int64_t kLargestOffsetSeconds = 18 * 3600;

// Local date bounds as half-open local seconds: [from day 00:00, day after `to` 00:00).
std::int64_t localFromSeconds(std::int64_t fromDay) {
    return fromDay * kSecondsPerDay;
}
std::int64_t localToSeconds(std::int64_t toDay) {
    return (toDay + 1) * kSecondsPerDay;
}

// Unused parameters are skipped: knots and clients ignore the dates.
void bindIfUsed(sqlite3_stmt* statement, const char* name, std::int64_t value) {
    const int index = sqlite3_bind_parameter_index(statement, name);
    if (index > 0) {
        const int result = sqlite3_bind_int64(statement, index, value);
        if (result != SQLITE_OK) {
            throw SQLite::Exception(sqlite3_db_handle(statement), result);
        }
    }
}

} // namespace

std::string sessionFilterSql(const ExportOptions& options, std::string_view session) {
    const std::string s(session);
    std::string sql = "1";
    if (options.clientId) {
        sql += " AND " + s + ".client_id = :client";
    }
    // The exact test is on local time; the widened UTC range beside it lets
    // SQLite walk the (client_id, started_utc) index instead of every session.
    if (options.fromDay) {
        sql += " AND " + s + ".started_utc >= :utc_from AND " + s + ".started_utc + " + s +
               ".utc_offset_min * 60 >= :local_from";
    }
    if (options.toDay) {
        sql += " AND " + s + ".started_utc < :utc_to AND " + s + ".started_utc + " + s +
               ".utc_offset_min * 60 < :local_to";
    }
    return sql;
}

std::string clientFilterSql(const ExportOptions& options, std::string_view clientIdColumn) {
    return options.clientId ? std::string(clientIdColumn) + " = :client" : std::string("1");
}

void bindExportFilter(sqlite3_stmt* statement, const ExportOptions& options) {
    if (options.clientId) {
        bindIfUsed(statement, ":client", *options.clientId);
    }
    if (options.fromDay) {
        const std::int64_t local = localFromSeconds(*options.fromDay);
        bindIfUsed(statement, ":local_from", local);
        bindIfUsed(statement, ":utc_from", local - kLargestOffsetSeconds);
    }
    if (options.toDay) {
        const std::int64_t local = localToSeconds(*options.toDay);
        bindIfUsed(statement, ":local_to", local);
        bindIfUsed(statement, ":utc_to", local + kLargestOffsetSeconds);
    }
}

} // namespace knotmap
