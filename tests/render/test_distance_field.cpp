#include "render/distance_field.h"

#include <doctest/doctest.h>

#include <vector>

using namespace knotmap;
using namespace knotmap::render;

namespace {

float at(const DistanceField& field, double x, double y) {
    const int column = static_cast<int>(x * field.width);
    const int row = static_cast<int>(y * field.height);
    return field.values[static_cast<std::size_t>(row * field.width + column)];
}

} // namespace

TEST_CASE("the distance field is positive inside, negative outside, in canvas heights") {
    // A square from 0.25 to 0.75 on a square canvas.
    const std::vector<Polygon> silhouette{{{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}}};
    const DistanceField field = silhouetteDistanceField(silhouette, 1.0, 200);
    CHECK(field.width == 200);
    CHECK(field.height == 200);
    CHECK(at(field, 0.5, 0.5) == doctest::Approx(0.25).epsilon(0.02));
    CHECK(at(field, 0.3, 0.5) == doctest::Approx(0.05).epsilon(0.1));
    CHECK(at(field, 0.1, 0.5) == doctest::Approx(-0.15).epsilon(0.05));
    // Beyond a corner the distance is to the corner itself: Euclidean, not city-block.
    CHECK(at(field, 0.85, 0.85) == doctest::Approx(-0.1414).epsilon(0.05));
}

TEST_CASE("texels stay square on a half-width canvas") {
    const std::vector<Polygon> silhouette{{{0.4, 0.1}, {0.6, 0.1}, {0.6, 0.9}, {0.4, 0.9}}};
    const DistanceField field = silhouetteDistanceField(silhouette, 0.5, 400);
    CHECK(field.width == 200);
    // The strip is 0.2 of the canvas width = 0.1 canvas heights wide.
    CHECK(at(field, 0.5, 0.5) == doctest::Approx(0.05).epsilon(0.06));
}
