#include "store/knot_pain_query.h"

#include "store/sql/statement.h"

namespace knotmap {

std::unordered_map<Id, LatestKnotPain> latestPainByKnot(sql::Connection& db, Id clientId) {
    // Latest by session time; a later id breaks a tie between sessions that
    // started at the same instant, as everywhere else.
    sql::Statement query(db, "SELECT knot_id, pain, started_utc, utc_offset_min FROM ("
                             "  SELECT o.knot_id, o.pain, s.started_utc, s.utc_offset_min,"
                             "         row_number() OVER (PARTITION BY o.knot_id"
                             "             ORDER BY s.started_utc DESC, s.id DESC) AS newest"
                             "  FROM observation o JOIN session s ON s.id = o.session_id"
                             "  WHERE s.client_id = ?) AS ranked"
                             " WHERE newest = 1");
    query.bind(1, static_cast<std::int64_t>(clientId));
    std::unordered_map<Id, LatestKnotPain> latest;
    while (query.executeStep()) {
        latest[query.getColumn(0).getInt64()] = {
            query.getColumn(1).getInt(),
            LocalTimestamp(query.getColumn(2).getInt64(), query.getColumn(3).getInt())};
    }
    return latest;
}

} // namespace knotmap
