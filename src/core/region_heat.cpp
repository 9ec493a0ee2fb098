#include "core/region_heat.h"

#include <algorithm>
#include <unordered_map>

namespace knotmap {
namespace {

// Knot id -> atlas region index, resolved once per call so the per-observation
// loop does one hash lookup instead of a string search through the atlas.
std::unordered_map<Id, int> regionIndexOfKnots(const ClientHistory& history, const Atlas& atlas) {
    std::unordered_map<Id, int> regionOf;
    regionOf.reserve(history.knots.size());
    for (const HistoryKnot& knot : history.knots) {
        if (const AtlasRegion* region = atlas.findByCode(knot.regionCode)) {
            regionOf.emplace(knot.id, region->index);
        }
    }
    return regionOf;
}

int regionOfObservation(const std::unordered_map<Id, int>& regionOf, Id knotId) {
    const auto found = regionOf.find(knotId);
    return found == regionOf.end() ? -1 : found->second;
}

} // namespace

std::vector<std::size_t> sessionsInRange(const ClientHistory& history, std::int64_t fromUtc,
                                         std::int64_t toUtc) {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < history.sessions.size(); ++i) {
        const std::int64_t at = history.sessions[i].startedAt.utcSeconds();
        if (at >= fromUtc && at <= toUtc) {
            indices.push_back(i);
        }
    }
    return indices;
}

RegionHeat regionHeat(const ClientHistory& history, const Atlas& atlas, std::int64_t fromUtc,
                      std::int64_t toUtc, HeatMode mode) {
    const std::size_t regionCount = atlas.regions().size();
    RegionHeat heat(regionCount);
    std::vector<bool> inRange(history.sessions.size(), false);
    for (const std::size_t session : sessionsInRange(history, fromUtc, toUtc)) {
        inRange[session] = true;
    }
    const std::unordered_map<Id, int> regionOf = regionIndexOfKnots(history, atlas);

    std::vector<double> sums(regionCount, 0.0);
    std::vector<int> counts(regionCount, 0);
    std::vector<int> peaks(regionCount, 0);
    for (const HistoryObservation& observation : history.observations) {
        if (observation.session >= inRange.size() || !inRange[observation.session]) {
            continue;
        }
        const int region = regionOfObservation(regionOf, observation.knotId);
        if (region < 0 || static_cast<std::size_t>(region) >= regionCount) {
            continue;
        }
        const auto r = static_cast<std::size_t>(region);
        sums[r] += observation.pain;
        peaks[r] = counts[r] == 0 ? observation.pain : std::max(peaks[r], observation.pain);
        ++counts[r];
    }
    for (std::size_t r = 0; r < regionCount; ++r) {
        if (counts[r] > 0) {
            heat[r] = mode == HeatMode::Average ? sums[r] / counts[r] : peaks[r];
        }
    }
    return heat;
}

RegionHeat regionHeatAtSession(const ClientHistory& history, const Atlas& atlas,
                               std::size_t sessionIndex) {
    const std::size_t regionCount = atlas.regions().size();
    RegionHeat heat(regionCount);
    if (sessionIndex >= history.sessions.size()) {
        return heat;
    }
    const std::int64_t now = history.sessions[sessionIndex].startedAt.utcSeconds();

    // Observations are in session order, so a later one of a knot overwrites
    // an earlier one and what is left is its latest rating.
    struct Latest {
        int pain = 0;
        std::int64_t utcSeconds = 0;
    };
    std::unordered_map<Id, Latest> latestOfKnot;
    latestOfKnot.reserve(history.knots.size());
    for (const HistoryObservation& observation : history.observations) {
        if (observation.session > sessionIndex) {
            break;
        }
        latestOfKnot[observation.knotId] = {
            observation.pain, history.sessions[observation.session].startedAt.utcSeconds()};
    }

    const std::unordered_map<Id, int> regionOf = regionIndexOfKnots(history, atlas);
    for (const auto& [knotId, latest] : latestOfKnot) {
        if (now - latest.utcSeconds > kHeatCarryForwardSeconds) {
            continue;
        }
        const int region = regionOfObservation(regionOf, knotId);
        if (region < 0 || static_cast<std::size_t>(region) >= regionCount) {
            continue;
        }
        std::optional<double>& value = heat[static_cast<std::size_t>(region)];
        value = value ? std::max(*value, static_cast<double>(latest.pain)) : latest.pain;
    }
    return heat;
}

} // namespace knotmap
