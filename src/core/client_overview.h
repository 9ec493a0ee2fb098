#pragma once

#include "core/atlas.h"
#include "core/client_history.h"
#include "core/range_change.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

// Session by session summary of a client, for the overview chart: overall
// pain, how many knots hurt, and how widespread the pain is.
namespace knotmap {

struct SessionOverview {
    std::size_t session = 0; // index into ClientHistory::sessions
    LocalTimestamp startedAt;
    std::optional<int> overallPain;
    int observedKnots = 0; // distinct knots observed, painful or not
    int activeKnots = 0;   // distinct knots observed with pain > 0
    // The CHOIR Body Map score: the number of distinct CHOIR regions holding a
    // knot with pain > 0. Several muscle regions share one CHOIR region, so this
    // reads the data at the validated clinical granularity. Knots whose region
    // code is not in the atlas are left out of this score only.
    int widespreadness = 0;
};

// One entry per session, oldest first (the history's order).
[[nodiscard]] std::vector<SessionOverview> clientOverview(const ClientHistory& history,
                                                          const Atlas& atlas);

// The sessions' overall pain ratings (sessions without one left out), for the
// overview's headline (rangeChange).
[[nodiscard]] std::vector<TimedRating>
overallPainRatings(const std::vector<SessionOverview>& overview);

} // namespace knotmap
