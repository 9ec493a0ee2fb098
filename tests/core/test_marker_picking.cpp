#include "core/marker_picking.h"

#include <doctest/doctest.h>

#include <vector>

using namespace knotmap;

TEST_CASE("the nearest marker within the pick radius wins") {
    const std::vector<Vec2> markers{{100, 100}, {130, 100}, {200, 200}};
    const MarkerPick pick = pickMarker(markers, {126, 101}, 12, 4);
    REQUIRE(pick.nearest);
    CHECK(*pick.nearest == 1);
    CHECK(pick.crowd.empty());
    CHECK(*pickMarker(markers, {104, 98}, 12, 4).nearest == 0);
}

TEST_CASE("nothing is picked beyond the pick radius") {
    const std::vector<Vec2> markers{{100, 100}};
    const MarkerPick pick = pickMarker(markers, {113, 100}, 12, 4);
    CHECK_FALSE(pick.nearest);
    CHECK(pick.crowd.empty());
    CHECK_FALSE(pickMarker(std::vector<Vec2>{}, {0, 0}, 12, 4).nearest);
}

TEST_CASE("markers within a few pixels of each other make a crowd, nearest first") {
    const std::vector<Vec2> markers{{100, 100}, {103, 100}, {101, 102}, {140, 100}};
    const MarkerPick pick = pickMarker(markers, {102.5, 100}, 12, 4);
    REQUIRE(pick.nearest);
    CHECK(*pick.nearest == 1);
    CHECK(pick.crowd == std::vector<std::size_t>{1, 2, 0});
}

TEST_CASE("a marker clearly nearer than its neighbours is picked without a chooser") {
    const std::vector<Vec2> markers{{100, 100}, {110, 100}};
    const MarkerPick pick = pickMarker(markers, {100, 100}, 12, 4);
    CHECK(*pick.nearest == 0);
    CHECK(pick.crowd.empty());
}

TEST_CASE("markers at the same spot always ask, and the top one is the default") {
    const std::vector<Vec2> markers{{50, 50}, {50, 50}};
    const MarkerPick pick = pickMarker(markers, {52, 51}, 12, 4);
    CHECK(*pick.nearest == 1);
    CHECK(pick.crowd == std::vector<std::size_t>{1, 0});
}
