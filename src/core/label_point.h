#pragma once

#include "core/geometry.h"

namespace knotmap {

// The point inside polygon farthest from its boundary (the pole of
// inaccessibility): where a label or a marker sits most clearly inside a
// region, even a curved or concave one. Distances are measured true to shape,
// with x scaled by aspect (canvas width / height) first. Found to within
// precision canvas heights of the best possible distance.
[[nodiscard]] Vec2 labelPoint(const Polygon& polygon, double aspect, double precision = 1e-5);

// The centre of the largest axis-aligned square, in diagram units, that fits
// inside polygon: the point that can move farthest along x and y at once (by
// the returned half side) and stay inside. Found to within precision.
struct SquareFit {
    Vec2 centre;
    double halfSide = 0.0;
};
[[nodiscard]] SquareFit largestSquare(const Polygon& polygon, double precision = 1e-5);
// The half side of the largest axis-aligned square centred on point that fits
// inside polygon (diagram units); 0 when point is outside.
[[nodiscard]] double squareClearance(const Polygon& polygon, Vec2 point);

} // namespace knotmap
