#include "core/session_comparison.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

namespace knotmap {
namespace {

struct Pair {
    std::optional<int> a;
    std::optional<int> b;
};

// Keeps the highest rating, so a knot rated twice in one session (or a region
// with several knots) reads as its worst.
void keepMax(std::optional<int>& slot, int pain) {
    slot = slot ? std::max(*slot, pain) : pain;
}

ComparisonStatus statusOf(const Pair& pair, int thresholdPoints) {
    if (!pair.a) {
        return ComparisonStatus::New;
    }
    if (!pair.b) {
        return ComparisonStatus::Gone;
    }
    const int difference = *pair.b - *pair.a;
    if (std::abs(difference) < thresholdPoints) {
        return ComparisonStatus::Unchanged;
    }
    return difference < 0 ? ComparisonStatus::Better : ComparisonStatus::Worse;
}

int differenceOf(const Pair& pair) {
    return pair.b.value_or(0) - pair.a.value_or(0);
}

} // namespace

std::string_view displayName(ComparisonStatus status) {
    switch (status) {
    case ComparisonStatus::Better:
        return "Better";
    case ComparisonStatus::Worse:
        return "Worse";
    case ComparisonStatus::Unchanged:
        return "Unchanged";
    case ComparisonStatus::New:
        return "New";
    case ComparisonStatus::Gone:
        return "Gone";
    }
    return "";
}

SessionComparison compareSessions(const ClientHistory& history, const Atlas& atlas,
                                  std::size_t sessionA, std::size_t sessionB, int thresholdPoints) {
    SessionComparison comparison;
    comparison.sessionA = sessionA;
    comparison.sessionB = sessionB;
    if (sessionA >= history.sessions.size() || sessionB >= history.sessions.size()) {
        return comparison;
    }

    // Ordered maps: the few knots of two sessions, iterated in id order.
    std::map<Id, Pair> knots;
    for (const HistoryObservation& observation : history.observations) {
        if (observation.session == sessionA) {
            keepMax(knots[observation.knotId].a, observation.pain);
        }
        if (observation.session == sessionB) {
            keepMax(knots[observation.knotId].b, observation.pain);
        }
    }

    std::unordered_map<Id, int> regionOf;
    for (const HistoryKnot& knot : history.knots) {
        if (knots.count(knot.id) == 0) {
            continue;
        }
        if (const AtlasRegion* region = atlas.findByCode(knot.regionCode)) {
            regionOf.emplace(knot.id, region->index);
        }
    }

    std::map<int, Pair> regions;
    for (const auto& [knotId, pair] : knots) {
        const auto found = regionOf.find(knotId);
        const int regionIndex = found == regionOf.end() ? -1 : found->second;
        comparison.knots.push_back({knotId, regionIndex, pair.a, pair.b, differenceOf(pair),
                                    statusOf(pair, thresholdPoints)});
        if (regionIndex < 0) {
            continue;
        }
        Pair& region = regions[regionIndex];
        if (pair.a) {
            keepMax(region.a, *pair.a);
        }
        if (pair.b) {
            keepMax(region.b, *pair.b);
        }
    }
    for (const auto& [regionIndex, pair] : regions) {
        comparison.regions.push_back(
            {regionIndex, pair.a, pair.b, differenceOf(pair), statusOf(pair, thresholdPoints)});
    }

    // Stable sorts keep the id / index order among equal changes.
    const auto byMagnitude = [](const auto& left, const auto& right) {
        return std::abs(left.difference) > std::abs(right.difference);
    };
    std::stable_sort(comparison.knots.begin(), comparison.knots.end(), byMagnitude);
    std::stable_sort(comparison.regions.begin(), comparison.regions.end(), byMagnitude);
    return comparison;
}

} // namespace knotmap
