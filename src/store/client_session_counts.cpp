#include "store/client_session_counts.h"

#include "store/sql/statement.h"

namespace knotmap {

std::unordered_map<Id, ClientSessionCount> sessionCountsByClient(sql::Connection& db) {
    // Subqueries per client walk only that client's range of the (client,
    // time) index; a GROUP BY over the whole table would visit every row for
    // the latest session's offset, which the index does not hold.
    sql::Statement query(db, "SELECT c.id,"
                             " (SELECT count(*) FROM session s WHERE s.client_id = c.id),"
                             " (SELECT started_utc FROM session s WHERE s.client_id = c.id"
                             "  ORDER BY started_utc DESC, id DESC LIMIT 1),"
                             " (SELECT utc_offset_min FROM session s WHERE s.client_id = c.id"
                             "  ORDER BY started_utc DESC, id DESC LIMIT 1)"
                             " FROM client c");
    std::unordered_map<Id, ClientSessionCount> counts;
    while (query.executeStep()) {
        if (query.getColumn(1).getInt() == 0) {
            continue;
        }
        ClientSessionCount& count = counts[query.getColumn(0).getInt64()];
        count.sessions = query.getColumn(1).getInt();
        count.latest = LocalTimestamp(query.getColumn(2).getInt64(), query.getColumn(3).getInt());
    }
    return counts;
}

} // namespace knotmap
