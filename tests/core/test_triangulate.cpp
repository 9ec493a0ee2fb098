#include "core/triangulate.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <numbers>

using namespace knotmap;

namespace {

// Checks the triangles are valid and tile the polygon; returns how many.
std::size_t checkTiles(const Polygon& polygon) {
    const std::vector<std::uint32_t> indices = triangulate(polygon);
    REQUIRE(indices.size() % 3 == 0);
    double total = 0.0;
    for (std::size_t i = 0; i < indices.size(); i += 3) {
        for (std::size_t k = 0; k < 3; ++k) {
            REQUIRE(indices[i + k] < polygon.size());
        }
        const Vec2 a = polygon[indices[i]];
        const Vec2 b = polygon[indices[i + 1]];
        const Vec2 c = polygon[indices[i + 2]];
        const double area = signedArea(Polygon{a, b, c});
        CHECK(area > 0.0); // every triangle wound the same way
        total += area;
        // Each triangle lies inside the polygon (checks concave corners).
        const Vec2 centre{(a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0};
        CHECK(containsPoint(polygon, centre));
    }
    CHECK(total == doctest::Approx(std::abs(signedArea(polygon))).epsilon(1e-12));
    return indices.size() / 3;
}

Polygon reversed(const Polygon& polygon) {
    return Polygon(polygon.rbegin(), polygon.rend());
}

} // namespace

TEST_SUITE("triangulate") {
    TEST_CASE("convex polygons in both orientations give n - 2 triangles") {
        const Polygon triangle{{0, 0}, {1, 0}, {0, 1}};
        CHECK(checkTiles(triangle) == 1);
        CHECK(checkTiles(reversed(triangle)) == 1);
        Polygon circle;
        for (int i = 0; i < 300; ++i) {
            const double a = 2 * std::numbers::pi * i / 300;
            circle.push_back({0.5 + 0.2 * std::cos(a), 0.5 + 0.4 * std::sin(a)});
        }
        CHECK(checkTiles(circle) == 298);
        CHECK(checkTiles(reversed(circle)) == 298);
    }

    TEST_CASE("concave polygons: an L, a comb and a star") {
        const Polygon ell{{0, 0}, {1, 0}, {1, 0.5}, {0.5, 0.5}, {0.5, 1}, {0, 1}};
        CHECK(checkTiles(ell) == 4);
        CHECK(checkTiles(reversed(ell)) == 4);
        Polygon comb{{0, 0}, {10, 0}};
        for (int tooth = 9; tooth >= 0; tooth -= 2) {
            comb.push_back({tooth + 1.0, 5});
            comb.push_back({tooth + 0.5, 5});
            comb.push_back({tooth + 0.5, 1});
            comb.push_back({tooth + 0.0, 1});
        }
        comb.push_back({0.5, 1}); // collinear with the previous gap's floor
        comb.push_back({0.5, 5});
        comb.push_back({0, 5});
        checkTiles(comb);
        checkTiles(reversed(comb));
        Polygon star;
        for (int i = 0; i < 40; ++i) {
            const double a = 2 * std::numbers::pi * i / 40;
            const double r = i % 2 == 0 ? 1.0 : 0.3;
            star.push_back({r * std::cos(a), r * std::sin(a)});
        }
        CHECK(checkTiles(star) == 38);
        CHECK(checkTiles(reversed(star)) == 38);
    }

    TEST_CASE("a spiral with long thin corridors") {
        Polygon outer;
        Polygon inner;
        for (int i = 0; i <= 400; ++i) {
            const double a = 6 * std::numbers::pi * i / 400;
            const double r = 1.0 + a;
            outer.push_back({r * std::cos(a), r * std::sin(a)});
            inner.push_back({(r - 0.8) * std::cos(a), (r - 0.8) * std::sin(a)});
        }
        Polygon spiral = outer;
        spiral.insert(spiral.end(), inner.rbegin(), inner.rend());
        CHECK(checkTiles(spiral) == spiral.size() - 2);
    }

    TEST_CASE("collinear and repeated points are tolerated") {
        // A square with extra points along its sides (as an atlas edge split
        // by a named point gives) and a repeated corner.
        const Polygon square{{0, 0}, {0.5, 0}, {1, 0}, {1, 0},   {1, 0.25}, {1, 0.5},
                             {1, 1}, {0.5, 1}, {0, 1}, {0, 0.5}, {0, 0}};
        checkTiles(square);
        checkTiles(reversed(square));
        // A sliver spike (going out and straight back) adds no area.
        const Polygon spike{{0, 0}, {1, 0}, {1, 1}, {0.5, 1}, {0.5, 2}, {0.5, 1}, {0, 1}};
        checkTiles(spike);
        // Collinear points at a concave corner.
        const Polygon notch{{0, 0}, {2, 0}, {2, 2},   {1.5, 2}, {1, 2},  {1, 1.5},
                            {1, 1}, {1, 1}, {0.5, 1}, {0, 1},   {0, 0.5}};
        checkTiles(notch);
        checkTiles(reversed(notch));
    }

    TEST_CASE("degenerate input gives no triangles") {
        CHECK(triangulate(Polygon{}).empty());
        CHECK(triangulate(Polygon{{0, 0}, {1, 1}}).empty());
        CHECK(triangulate(Polygon{{0, 0}, {1, 1}, {2, 2}, {3, 3}}).empty());
        CHECK(triangulate(Polygon{{1, 1}, {1, 1}, {1, 1}}).empty());
    }

    TEST_CASE("random star-shaped polygons") {
        std::uint64_t state = 12345;
        const auto next = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<double>(state >> 11) / 9007199254740992.0;
        };
        for (int round = 0; round < 50; ++round) {
            const int n = 3 + static_cast<int>(next() * 200);
            Polygon polygon;
            for (int i = 0; i < n; ++i) {
                const double a = 2 * std::numbers::pi * i / n;
                const double r = 0.05 + next();
                polygon.push_back({0.5 + r * std::cos(a), 0.5 + r * std::sin(a)});
            }
            INFO("round " << round << ", " << n << " points");
            checkTiles(round % 2 == 0 ? polygon : reversed(polygon));
        }
    }
}
