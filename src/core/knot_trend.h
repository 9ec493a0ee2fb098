#pragma once

#include "core/client_history.h"
#include "core/pain_change.h"
#include "core/range_change.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// One knot's pain over time, for the knot trend chart: the raw ratings, what
// was done to it, a smoothed line and the first-to-latest change.
namespace knotmap {

struct KnotTrendPoint {
    std::int64_t utcSeconds = 0; // the session's start
    int pain = 0;
    std::size_t session = 0; // index into ClientHistory::sessions
};

struct KnotTrendTreatment {
    std::int64_t utcSeconds = 0;
    std::size_t session = 0;
    std::string kindCode;
    std::optional<int> painBefore;
    std::optional<int> painAfter;
    // True for a treatment of the whole session (e.g. a hot bath) in a session
    // where this knot was observed; false for one aimed at this knot.
    bool wholeSession = false;
};

struct KnotTrendSmoothedPoint {
    std::int64_t utcSeconds = 0;
    double pain = 0.0;
};

struct KnotTrend {
    Id knotId = 0;
    std::vector<KnotTrendPoint> points;           // oldest first
    std::vector<KnotTrendTreatment> treatments;   // oldest first
    std::vector<KnotTrendSmoothedPoint> smoothed; // one per point
    // First to latest rating; none with fewer than two points, where there is
    // nothing to compare.
    std::optional<PainChange> change;
};

// How far back the smoothed line looks: a rating this many days old counts
// half as much as one made today. A week spans several entries of a daily
// logger and still lets a weekly therapy client's line follow each visit.
inline constexpr double kTrendHalfLifeDays = 7.0;

// The trend of knotId; empty (no points) for a knot without observations or
// one not in the history.
//
// The smoothed value at each point is an exponentially time-weighted mean of
// that point and all earlier ones, weight 2^(-age / halfLife) with age in
// days. Weighting by elapsed time rather than by count is what makes it fit
// irregular data: a burst of daily entries does not wipe out the picture, and
// after a month's gap old ratings have faded instead of dominating. Ratings
// on the same day weigh equally. It looks only backwards, so the line never
// changes when later data arrives and its last value is "the current level".
[[nodiscard]] KnotTrend knotTrend(const ClientHistory& history, Id knotId,
                                  double halfLifeDays = kTrendHalfLifeDays);

// The knot's ratings as rangeChange takes them (the headline over the chart).
[[nodiscard]] std::vector<TimedRating> trendRatings(const KnotTrend& trend);

// The smoother above on its own: times in UTC seconds (non-decreasing) and
// their values; returns one smoothed value per input.
[[nodiscard]] std::vector<double> timeWeightedSmooth(const std::vector<std::int64_t>& utcSeconds,
                                                     const std::vector<double>& values,
                                                     double halfLifeDays);

} // namespace knotmap
