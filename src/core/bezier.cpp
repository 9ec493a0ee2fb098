#include "core/bezier.h"

#include <algorithm>

namespace knotmap {
namespace {

constexpr int kMaxDepth = 16; // pieces of 1/65536 of the curve: far below any tolerance

Vec2 midpoint(Vec2 a, Vec2 b) {
    return {(a.x + b.x) * 0.5, (a.y + b.y) * 0.5};
}

// How far the control points stray from the chord (as a segment, so control
// points beyond its ends count too), which bounds how far the curve does.
double deviation(const std::array<Vec2, 4>& p, double aspect) {
    const auto scaled = [aspect](Vec2 v) {
        return Vec2{v.x * aspect, v.y};
    };
    const Polygon chord{scaled(p[0]), scaled(p[3])};
    return std::max(distanceToBoundary(chord, scaled(p[1])),
                    distanceToBoundary(chord, scaled(p[2])));
}

void flatten(const std::array<Vec2, 4>& p, double aspect, double tolerance, int depth,
             Polygon& out) {
    if (depth >= kMaxDepth || deviation(p, aspect) <= tolerance) {
        out.push_back(p[3]);
        return;
    }
    // de Casteljau at t = 0.5. A curve whose points all share an x (the
    // midline) keeps that x exactly: the mean of two equal numbers is exact.
    const Vec2 p01 = midpoint(p[0], p[1]);
    const Vec2 p12 = midpoint(p[1], p[2]);
    const Vec2 p23 = midpoint(p[2], p[3]);
    const Vec2 p012 = midpoint(p01, p12);
    const Vec2 p123 = midpoint(p12, p23);
    const Vec2 middle = midpoint(p012, p123);
    flatten({p[0], p01, p012, middle}, aspect, tolerance, depth + 1, out);
    flatten({middle, p123, p23, p[3]}, aspect, tolerance, depth + 1, out);
}

} // namespace

void flattenCubic(const std::array<Vec2, 4>& p, double aspect, double tolerance, Polygon& out) {
    flatten(p, aspect, tolerance, 0, out);
}

} // namespace knotmap
