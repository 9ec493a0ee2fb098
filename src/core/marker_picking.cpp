#include "core/marker_picking.h"

#include <algorithm>
#include <cmath>

namespace knotmap {

MarkerPick pickMarker(std::span<const Vec2> positions, Vec2 pointer, double pickRadius,
                      double crowdDistance) {
    struct Candidate {
        std::size_t index;
        double distance;
    };
    std::vector<Candidate> candidates;
    for (std::size_t index = 0; index < positions.size(); ++index) {
        const Vec2 offset = positions[index] - pointer;
        const double distance = std::hypot(offset.x, offset.y);
        if (distance <= pickRadius) {
            candidates.push_back({index, distance});
        }
    }
    MarkerPick pick;
    if (candidates.empty()) {
        return pick;
    }
    // Nearest first; among equals the later marker, which is drawn on top.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.index > b.index;
    });
    pick.nearest = candidates.front().index;
    const double crowdLimit = candidates.front().distance + crowdDistance;
    for (const Candidate& candidate : candidates) {
        if (candidate.distance <= crowdLimit) {
            pick.crowd.push_back(candidate.index);
        }
    }
    if (pick.crowd.size() < 2) {
        pick.crowd.clear();
    }
    return pick;
}

} // namespace knotmap
