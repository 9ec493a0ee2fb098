#include "core/bezier.h"
#include "core/geometry.h"
#include "core/label_point.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace knotmap;

namespace {

const Polygon kSquare{{0, 0}, {1, 0}, {1, 1}, {0, 1}}; // counter-clockwise in y-up axes
// An L: the unit square without its top-right quarter.
const Polygon kEll{{0, 0}, {1, 0}, {1, 0.5}, {0.5, 0.5}, {0.5, 1}, {0, 1}};

Polygon reversed(Polygon polygon) {
    return Polygon(polygon.rbegin(), polygon.rend());
}

} // namespace

TEST_SUITE("geometry") {
    TEST_CASE("signed area is positive counter-clockwise in y-up axes and exact for a square") {
        CHECK(signedArea(kSquare) == 1.0);
        CHECK(signedArea(reversed(kSquare)) == -1.0);
        CHECK(signedArea(kEll) == 0.75);
        CHECK(signedArea(Polygon{{0, 0}, {2, 0}, {0, 3}}) == 3.0);
        CHECK(signedArea(Polygon{}) == 0.0);
        CHECK(signedArea(Polygon{{0, 0}, {1, 1}}) == 0.0);
        CHECK(signedArea(Polygon{{0, 0}, {1, 1}, {2, 2}}) == 0.0);
        // Far from the origin, as atlas regions are, the area keeps its digits.
        Polygon shifted;
        for (const Vec2& p : kSquare) {
            shifted.push_back(Vec2{0.7, 0.9} + p * 1e-3);
        }
        CHECK(signedArea(shifted) == doctest::Approx(1e-6).epsilon(1e-12));
    }

    TEST_CASE("containsPoint uses the even-odd rule, in either orientation") {
        for (const Polygon& polygon : {kEll, reversed(kEll)}) {
            CHECK(containsPoint(polygon, {0.25, 0.25}));
            CHECK(containsPoint(polygon, {0.75, 0.25}));
            CHECK(containsPoint(polygon, {0.25, 0.75}));
            CHECK_FALSE(containsPoint(polygon, {0.75, 0.75})); // the notch
            CHECK_FALSE(containsPoint(polygon, {-0.1, 0.5}));
            CHECK_FALSE(containsPoint(polygon, {1.1, 0.25}));
            CHECK_FALSE(containsPoint(polygon, {0.25, 1.1}));
            // A ray through the notch's corner vertex (y = 0.5) still counts right.
            CHECK(containsPoint(polygon, {0.25, 0.5}));
            CHECK_FALSE(containsPoint(polygon, {0.75, 0.5 + 1e-12}));
        }
        // Self-overlapping outline: the doubly covered part is outside (even-odd).
        const Polygon twice{{0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 1}, {0, 1}};
        CHECK_FALSE(containsPoint(twice, {0.5, 0.5}));
        CHECK(containsPoint(twice, {1.5, 0.5}));
        CHECK_FALSE(containsPoint(Polygon{}, {0, 0}));
    }

    TEST_CASE("a point on an edge shared by two polygons belongs to exactly one of them") {
        // Two triangles sharing a slanted edge with awkward coordinates, each
        // walking it in its own direction.
        const Vec2 a{0.5123456789, 0.1};
        const Vec2 b{0.7333333333, 0.9};
        const Polygon left{a, b, {0.1, 0.5}};
        const Polygon right{b, a, {0.95, 0.5}};
        int onlyOne = 0;
        for (int i = 1; i < 1000; ++i) {
            const double t = i / 1000.0;
            const Vec2 onEdge = a + (b - a) * t;
            for (const double nudge : {-1e-16, 0.0, 1e-16}) {
                const Vec2 p{onEdge.x + nudge, onEdge.y};
                onlyOne += containsPoint(left, p) != containsPoint(right, p) ? 1 : 0;
            }
        }
        CHECK(onlyOne == 999 * 3);
    }

    TEST_CASE("distance to the boundary, inside and outside") {
        CHECK(distanceToBoundary(kSquare, {0.5, 0.5}) == 0.5);
        CHECK(distanceToBoundary(kSquare, {0.25, 0.5}) == 0.25);
        CHECK(distanceToBoundary(kSquare, {2, 0.5}) == 1.0);
        CHECK(distanceToBoundary(kSquare, {2, 2}) == doctest::Approx(std::sqrt(2.0)));
        CHECK(distanceToBoundary(kSquare, {1, 0.3}) == 0.0);
        CHECK(distanceToBoundary(kEll, {0.75, 0.75}) == doctest::Approx(0.25));
        // A polygon with a repeated point (a zero-length edge) is fine.
        CHECK(distanceToBoundary(Polygon{{0, 0}, {0, 0}, {1, 0}, {0, 1}}, {0.1, 0.1}) ==
              doctest::Approx(0.1));
    }

    TEST_CASE("boxes and bounds") {
        Box box;
        CHECK(box.empty());
        CHECK_FALSE(box.contains({0, 0}));
        box.include({0.2, 0.3});
        CHECK_FALSE(box.empty());
        CHECK(box.contains({0.2, 0.3}));
        const Box bounds = boundsOf(kEll);
        CHECK(bounds.min == Vec2{0, 0});
        CHECK(bounds.max == Vec2{1, 1});
        CHECK(bounds.contains({1, 1}));
        CHECK_FALSE(bounds.contains({1.0000001, 0.5}));
        CHECK(boundsOf(Polygon{}).empty());
    }
}

TEST_SUITE("bezier") {
    TEST_CASE("a flattened cubic stays within the tolerance on screen and ends exactly") {
        const std::array<Vec2, 4> curve{{{0.5, 0.1}, {0.9, 0.1}, {0.6, 0.4}, {0.8, 0.45}}};
        const double aspect = 0.5;
        const double tolerance = 0.00015;
        Polygon line{curve[0]};
        flattenCubic(curve, aspect, tolerance, line);
        CHECK(line.back() == curve[3]);
        CHECK(line.size() > 10);
        CHECK(line.size() < 200);
        Polygon scaledLine;
        for (const Vec2& p : line) {
            scaledLine.push_back({p.x * aspect, p.y});
        }
        double worst = 0.0;
        for (int i = 0; i <= 2000; ++i) {
            const double t = i / 2000.0;
            const double u = 1.0 - t;
            const Vec2 p = curve[0] * (u * u * u) + curve[1] * (3 * u * u * t) +
                           curve[2] * (3 * u * t * t) + curve[3] * (t * t * t);
            // Distance to the open polyline: the closing segment is far away.
            double nearest = 1e9;
            for (std::size_t k = 0; k + 1 < scaledLine.size(); ++k) {
                nearest =
                    std::min(nearest, distanceToBoundary(Polygon{scaledLine[k], scaledLine[k + 1]},
                                                         {p.x * aspect, p.y}));
            }
            worst = std::max(worst, nearest);
        }
        CHECK(worst <= tolerance);
        CHECK(worst > tolerance / 20); // not wastefully fine
    }

    TEST_CASE("a straight cubic is one segment and a midline curve keeps x exactly") {
        Polygon line;
        flattenCubic({{{0.5, 0.0}, {0.6, 0.1}, {0.7, 0.2}, {0.8, 0.3}}}, 0.5, 1e-4, line);
        CHECK(line.size() == 1);
        Polygon midline;
        flattenCubic({{{0.5, 0.1}, {0.5, 0.3}, {0.5, 0.0}, {0.5, 0.2}}}, 0.5, 1e-6, midline);
        CHECK(midline.size() > 1);
        for (const Vec2& p : midline) {
            CHECK(p.x == 0.5);
        }
    }
}

TEST_SUITE("label point") {
    TEST_CASE("the label point is the point farthest from the boundary") {
        const Vec2 square = labelPoint(kSquare, 1.0, 1e-6);
        CHECK(square.x == doctest::Approx(0.5).epsilon(1e-5));
        CHECK(square.y == doctest::Approx(0.5).epsilon(1e-5));
        // In the L the best spot is not the centroid (which is near the notch).
        const Vec2 ell = labelPoint(kEll, 1.0, 1e-6);
        CHECK(containsPoint(kEll, ell));
        const double best = 1.0 / (2.0 + std::numbers::sqrt2); // circle touching four sides
        CHECK(distanceToBoundary(kEll, ell) == doctest::Approx(best).epsilon(1e-4));
    }

    TEST_CASE("distances are measured on screen: a square canvas region that is tall on screen") {
        // 0.4 wide and 0.2 tall in diagram units, but with aspect 0.5 it is
        // 0.2 by 0.2 on screen: the centre is the only best point.
        const Polygon box{{0.3, 0.4}, {0.7, 0.4}, {0.7, 0.6}, {0.3, 0.6}};
        const Vec2 p = labelPoint(box, 0.5, 1e-7);
        CHECK(p.x == doctest::Approx(0.5).epsilon(1e-4));
        CHECK(p.y == doctest::Approx(0.5).epsilon(1e-4));
        // A thin crescent: the label lands inside it.
        Polygon crescent;
        for (int i = 0; i <= 60; ++i) {
            const double a = std::numbers::pi * i / 60.0;
            crescent.push_back({0.5 + 0.3 * std::cos(a), 0.5 - 0.3 * std::sin(a)});
        }
        for (int i = 60; i >= 0; --i) {
            const double a = std::numbers::pi * i / 60.0;
            crescent.push_back({0.5 + 0.25 * std::cos(a), 0.5 - 0.2 * std::sin(a)});
        }
        const Vec2 q = labelPoint(crescent, 1.0);
        CHECK(containsPoint(crescent, q));
        CHECK(distanceToBoundary(crescent, q) > 0.02);
    }
}

TEST_SUITE("largest square") {
    TEST_CASE("the largest axis-aligned square inside a polygon") {
        const SquareFit square = largestSquare(kSquare, 1e-7);
        CHECK(square.halfSide == doctest::Approx(0.5).epsilon(1e-5));
        CHECK(square.centre.x == doctest::Approx(0.5).epsilon(1e-5));
        // A diamond: the circle inside has radius 0.354, the square half 0.25.
        const Polygon diamond{{0.5, 0}, {1, 0.5}, {0.5, 1}, {0, 0.5}};
        const SquareFit inDiamond = largestSquare(diamond, 1e-7);
        CHECK(inDiamond.halfSide == doctest::Approx(0.25).epsilon(1e-5));
        CHECK(inDiamond.centre.x == doctest::Approx(0.5).epsilon(1e-4));
        CHECK(inDiamond.centre.y == doctest::Approx(0.5).epsilon(1e-4));
        const SquareFit inEll = largestSquare(kEll, 1e-7);
        CHECK(inEll.halfSide == doctest::Approx(0.25).epsilon(1e-5));
        // The squares really fit: corners and edge midpoints are inside.
        const auto fits = [](const Polygon& polygon, const SquareFit& fit) {
            const double h = fit.halfSide * 0.999;
            for (int i = -1; i <= 1; ++i) {
                for (int j = -1; j <= 1; ++j) {
                    if (!containsPoint(polygon, fit.centre + Vec2{h * i, h * j})) {
                        return false;
                    }
                }
            }
            return true;
        };
        CHECK(fits(kSquare, square));
        CHECK(fits(diamond, inDiamond));
        CHECK(fits(kEll, inEll));
        CHECK(squareClearance(diamond, {0.5, 0.5}) == 0.25);
        CHECK(squareClearance(diamond, {0.5, 0.25}) == 0.125);
        CHECK(squareClearance(kSquare, {0.2, 0.7}) == doctest::Approx(0.2));
        CHECK(squareClearance(kSquare, {1.2, 0.7}) == 0.0);
        // A thin slanted strip fits only a small square.
        const Polygon strip{{0.1, 0.1}, {0.12, 0.1}, {0.92, 0.9}, {0.9, 0.9}};
        CHECK(largestSquare(strip, 1e-8).halfSide == doctest::Approx(0.005).epsilon(1e-3));
    }
}
