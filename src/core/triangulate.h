#pragma once

#include "core/geometry.h"

#include <cstdint>
#include <vector>

namespace knotmap {

// Splits a simple polygon (no self-intersections, either orientation) into
// triangles by ear clipping. Returns indices into polygon, three per
// triangle, all triangles wound the same way. Used to fill atlas regions.
[[nodiscard]] std::vector<std::uint32_t> triangulate(const Polygon& polygon);

} // namespace knotmap
