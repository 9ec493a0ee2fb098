#include "store/export_filter.h"

namespace knotmap {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// The schema bounds a session's UTC offset to +-18 h (db/sqlite/001_initial.sql).
constexpr std::int64_t kLargestOffsetSeconds = 18 * 3600;

// Local date bounds as half-open local seconds: [from day 00:00, day after `to` 00:00).
std::int64_t localFromSeconds(std::int64_t fromDay) {
    return fromDay * kSecondsPerDay;
}
std::int64_t localToSeconds(std::int64_t toDay) {
    return (toDay + 1) * kSecondsPerDay;
}

} // namespace

std::string sessionFilterSql(const ExportOptions& options, std::string_view session) {
    const std::string s(session);
    std::string sql = "1 = 1";
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
    return options.clientId ? std::string(clientIdColumn) + " = :client" : std::string("1 = 1");
}

void bindExportFilter(sql::Statement& statement, const ExportOptions& options) {
    if (options.clientId) {
        statement.bind(":client", static_cast<std::int64_t>(*options.clientId));
    }
    if (options.fromDay) {
        const std::int64_t local = localFromSeconds(*options.fromDay);
        statement.bind(":local_from", local);
        statement.bind(":utc_from", local - kLargestOffsetSeconds);
    }
    if (options.toDay) {
        const std::int64_t local = localToSeconds(*options.toDay);
        statement.bind(":local_to", local);
        statement.bind(":utc_to", local + kLargestOffsetSeconds);
    }
}

} // namespace knotmap
