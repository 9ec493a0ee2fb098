#pragma once

#include "core/geometry.h"

#include <array>

namespace knotmap {

// Appends points along the cubic Bézier curve from p[0] to p[3] (controls p[1]
// and p[2]) to out, excluding p[0] and ending with p[3] exactly. Splits until
// each piece deviates from its chord by at most tolerance, measured in canvas
// heights: x is scaled by aspect (canvas width / height) first, so curves are
// equally smooth along both axes on screen.
void flattenCubic(const std::array<Vec2, 4>& p, double aspect, double tolerance, Polygon& out);

} // namespace knotmap
