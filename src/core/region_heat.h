#pragma once

#include "core/atlas.h"
#include "core/client_history.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

// Pain per atlas region, for colouring the body map: over a date range, or as
// it stood at one session (the frames of the history animation).
namespace knotmap {

enum class HeatMode {
    Average, // the mean of all ratings in the range: how it has generally been
    Peak     // the highest rating in the range: how bad it got
};

// One value per atlas region, indexed by AtlasRegion::index; none where no
// knot of that region was observed. 0 means observed and pain free.
using RegionHeat = std::vector<std::optional<double>>;

// How long a knot's last rating keeps standing in the animation when it is not
// re-rated. A knot is rarely re-rated at every check-in, so its last rating is
// carried forward; but a rating older than this says little about today (a
// knot left alone for a month has likely settled, or was forgotten), so the
// region goes blank rather than glowing with stale pain.
inline constexpr std::int64_t kHeatCarryForwardSeconds = 30LL * 86400;

// Sessions whose start lies in [fromUtc, toUtc] (both inclusive), oldest first.
[[nodiscard]] std::vector<std::size_t> sessionsInRange(const ClientHistory& history,
                                                       std::int64_t fromUtc, std::int64_t toUtc);

// Over all observations of sessions in [fromUtc, toUtc]: per region, the mean
// (each observation counts once) or the peak pain of its knots. Knots whose
// region code is not in the atlas are ignored.
[[nodiscard]] RegionHeat regionHeat(const ClientHistory& history, const Atlas& atlas,
                                    std::int64_t fromUtc, std::int64_t toUtc, HeatMode mode);

// The body as it stood at sessions[sessionIndex]: each knot's latest rating as
// of that session (carried forward from earlier sessions, but dropped when
// that rating is more than kHeatCarryForwardSeconds older than the session),
// and per region the highest of its knots. All none for an index out of range.
[[nodiscard]] RegionHeat regionHeatAtSession(const ClientHistory& history, const Atlas& atlas,
                                             std::size_t sessionIndex);

} // namespace knotmap
