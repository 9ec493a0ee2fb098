#pragma once

#include "core/geometry.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

// Which knot marker a click means when markers sit close together.
namespace knotmap {

struct MarkerPick {
    // The marker nearest the pointer within the pick radius; on an exact tie
    // the later one, which is drawn on top.
    std::optional<std::size_t> nearest;
    // When two or more markers are about equally near (each no more than the
    // crowd distance farther than the nearest), all of them, nearest first:
    // the click is ambiguous and a chooser should ask. Empty otherwise.
    std::vector<std::size_t> crowd;
};

// positions and pointer are in the same units (screen pixels).
[[nodiscard]] MarkerPick pickMarker(std::span<const Vec2> positions, Vec2 pointer,
                                    double pickRadius, double crowdDistance);

} // namespace knotmap
