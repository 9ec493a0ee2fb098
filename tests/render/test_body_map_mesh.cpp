#include "render/body_map_mesh.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace knotmap;
using namespace knotmap::render;

TEST_CASE("the built-in atlas' fills cover each region exactly once") {
    const Atlas& atlas = Atlas::builtIn();
    const BodyMapMesh mesh = buildBodyMapMesh(atlas);
    std::vector<double> filled(atlas.regions().size(), 0.0);
    for (const ViewMesh* view : {&mesh.front, &mesh.back}) {
        REQUIRE(view->fillIndices.size() % 3 == 0);
        for (std::size_t i = 0; i < view->fillIndices.size(); i += 3) {
            const FillVertex& a = view->fillVertices[view->fillIndices[i]];
            const FillVertex& b = view->fillVertices[view->fillIndices[i + 1]];
            const FillVertex& c = view->fillVertices[view->fillIndices[i + 2]];
            CHECK(a.region == b.region);
            CHECK(a.region == c.region);
            const double area = std::abs((double(b.x) - a.x) * (double(c.y) - a.y) -
                                         (double(c.x) - a.x) * (double(b.y) - a.y)) /
                                2.0;
            filled[static_cast<std::size_t>(a.region)] += area;
        }
    }
    for (const AtlasRegion& region : atlas.regions()) {
        CHECK_MESSAGE(filled[static_cast<std::size_t>(region.index)] ==
                          doctest::Approx(region.area).epsilon(1e-3),
                      region.code);
    }
}

TEST_CASE("every region has its own outline and each view has boundaries and a silhouette") {
    const Atlas& atlas = Atlas::builtIn();
    const BodyMapMesh mesh = buildBodyMapMesh(atlas);
    REQUIRE(mesh.regionOutlines.size() == atlas.regions().size());
    for (const AtlasRegion& region : atlas.regions()) {
        const VertexRange range = mesh.regionOutlines[static_cast<std::size_t>(region.index)];
        CHECK_MESSAGE(range.count >= 18, region.code); // at least a triangle's three sides
        CHECK(range.count % 6 == 0);
        const auto& outline = mesh.forView(region.view).outlineVertices;
        CHECK(static_cast<std::size_t>(range.first + range.count) <= outline.size());
    }
    for (const ViewMesh* view : {&mesh.front, &mesh.back}) {
        CHECK(view->internalStrokes.first == 0);
        CHECK(view->internalStrokes.count > 0);
        CHECK(view->silhouetteStrokes.first == view->internalStrokes.count);
        CHECK(view->silhouetteStrokes.count > 0);
        CHECK(static_cast<std::size_t>(view->silhouetteStrokes.first +
                                       view->silhouetteStrokes.count) ==
              view->strokeVertices.size());
    }
}

TEST_CASE("a shared boundary is stroked once, not once per neighbour") {
    const Atlas& atlas = Atlas::builtIn();
    const BodyMapMesh mesh = buildBodyMapMesh(atlas);
    // Every region outline segment is either silhouette or shared by two
    // regions; shared ones are drawn once, so the internal strokes hold
    // fewer segments than all outlines together.
    std::size_t outlineSegments = 0;
    for (const ViewMesh* view : {&mesh.front, &mesh.back}) {
        outlineSegments += view->outlineVertices.size() / 6;
    }
    std::size_t strokeSegments = 0;
    for (const ViewMesh* view : {&mesh.front, &mesh.back}) {
        strokeSegments += static_cast<std::size_t>(view->internalStrokes.count) / 6;
    }
    CHECK(strokeSegments < outlineSegments / 2);
    CHECK(strokeSegments > outlineSegments / 4);
}
