#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <unordered_map>

namespace knotmap {

// How many sessions a client has and when the latest began.
struct ClientSessionCount {
    int sessions = 0;
    std::optional<LocalTimestamp> latest;
};

// For every client with at least one session: one query that reads only the
// (client, time) index, so the client list opens fast on a large practice.
[[nodiscard]] std::unordered_map<Id, ClientSessionCount> sessionCountsByClient(sql::Connection& db);

} // namespace knotmap
