#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace knotmap {
namespace {

double squaredDistanceToSegment(Vec2 point, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const Vec2 ap = point - a;
    const double lengthSquared = ab.x * ab.x + ab.y * ab.y;
    double t = 0.0;
    if (lengthSquared > 0.0) {
        t = std::clamp((ap.x * ab.x + ap.y * ab.y) / lengthSquared, 0.0, 1.0);
    }
    const Vec2 away = point - (a + ab * t);
    return away.x * away.x + away.y * away.y;
}

} // namespace

void Box::include(Vec2 p) {
    min.x = std::min(min.x, p.x);
    min.y = std::min(min.y, p.y);
    max.x = std::max(max.x, p.x);
    max.y = std::max(max.y, p.y);
}

bool Box::contains(Vec2 p) const {
    return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
}

double signedArea(const Polygon& polygon) {
    const std::size_t n = polygon.size();
    if (n < 3) {
        return 0.0;
    }
    // Relative to the first point: keeps the products small, so neighbouring
    // regions far from the origin lose no precision.
    const Vec2 origin = polygon[0];
    double twiceArea = 0.0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const Vec2 a = polygon[i] - origin;
        const Vec2 b = polygon[i + 1] - origin;
        twiceArea += a.x * b.y - b.x * a.y;
    }
    return twiceArea / 2.0;
}

bool containsPoint(const Polygon& polygon, Vec2 point) {
    bool inside = false;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        Vec2 a = polygon[j];
        Vec2 b = polygon[i];
        if ((a.y > point.y) == (b.y > point.y)) {
            continue;
        }
        // Neighbouring regions walk a shared edge in opposite directions.
        // Ordering the ends first makes both compute the very same crossing,
        // so a point on a shared edge belongs to exactly one of them.
        if (b.y < a.y) {
            std::swap(a, b);
        }
        const double crossingX = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x);
        if (point.x < crossingX) {
            inside = !inside;
        }
    }
    return inside;
}

double distanceToBoundary(const Polygon& polygon, Vec2 point) {
    const std::size_t n = polygon.size();
    if (n == 0) {
        return std::numeric_limits<double>::infinity();
    }
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        best = std::min(best, squaredDistanceToSegment(point, polygon[j], polygon[i]));
    }
    return std::sqrt(best);
}

Box boundsOf(const Polygon& polygon) {
    Box box;
    for (const Vec2& p : polygon) {
        box.include(p);
    }
    return box;
}

} // namespace knotmap
