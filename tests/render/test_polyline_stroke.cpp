#include "render/polyline_stroke.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace knotmap;
using namespace knotmap::render;

namespace {

double length(float x, float y) {
    return std::hypot(static_cast<double>(x), static_cast<double>(y));
}

} // namespace

TEST_CASE("a straight open line becomes one quad per segment with unit normals") {
    std::vector<StrokeVertex> out;
    const std::vector<Vec2> line{{0.2, 0.5}, {0.4, 0.5}, {0.6, 0.5}};
    appendPolylineStroke(out, line, false, 0.5);
    REQUIRE(out.size() == 12); // two segments, two triangles each
    for (const StrokeVertex& vertex : out) {
        CHECK(vertex.y == doctest::Approx(0.5));
        CHECK(vertex.offsetX == doctest::Approx(0.0));
        CHECK(std::abs(vertex.offsetY) == doctest::Approx(1.0));
        CHECK(std::abs(vertex.side) == doctest::Approx(1.0));
    }
}

TEST_CASE("normals are perpendicular on screen, where x is scaled by the canvas aspect") {
    std::vector<StrokeVertex> out;
    // Diagonal in diagram units, but twice as steep on screen (aspect 0.5).
    const std::vector<Vec2> line{{0.0, 0.0}, {0.2, 0.2}};
    appendPolylineStroke(out, line, false, 0.5);
    REQUIRE(out.size() == 6);
    const double dx = 0.2 * 0.5;
    const double dy = 0.2;
    const double along = out[0].offsetX * dx + out[0].offsetY * dy;
    CHECK(along == doctest::Approx(0.0).epsilon(1e-6));
    CHECK(length(out[0].offsetX, out[0].offsetY) == doctest::Approx(1.0));
}

TEST_CASE("a right-angle corner gets a miter that keeps both sides' full width") {
    std::vector<StrokeVertex> out;
    const std::vector<Vec2> square{{0.2, 0.2}, {0.4, 0.2}, {0.4, 0.4}, {0.2, 0.4}};
    appendPolylineStroke(out, square, true, 1.0);
    REQUIRE(out.size() == 24); // closed: four segments
    for (const StrokeVertex& vertex : out) {
        CHECK(length(vertex.offsetX, vertex.offsetY) == doctest::Approx(std::sqrt(2.0)));
    }
}

TEST_CASE("repeated points are skipped and degenerate lines draw nothing") {
    std::vector<StrokeVertex> out;
    const std::vector<Vec2> repeated{{0.1, 0.1}, {0.1, 0.1}, {0.3, 0.1}, {0.3, 0.1}};
    appendPolylineStroke(out, repeated, false, 0.5);
    CHECK(out.size() == 6);
    out.clear();
    appendPolylineStroke(out, std::vector<Vec2>{{0.5, 0.5}, {0.5, 0.5}}, false, 0.5);
    CHECK(out.empty());
}
