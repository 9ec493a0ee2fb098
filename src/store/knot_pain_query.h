#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <unordered_map>

namespace knotmap {

// A knot's pain in the latest session that observed it.
struct LatestKnotPain {
    int pain = 0;
    LocalTimestamp observedAt; // the session's start
};

// For each of the client's knots that was ever observed, its latest pain.
// One query for all knots (the body map colours every marker by it).
[[nodiscard]] std::unordered_map<Id, LatestKnotPain> latestPainByKnot(sql::Connection& db,
                                                                      Id clientId);

} // namespace knotmap
