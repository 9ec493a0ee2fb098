#include "render/body_map_frame.h"

#include <doctest/doctest.h>

#include <vector>

using namespace knotmap;
using namespace knotmap::render;

namespace {

struct FrameData {
    std::vector<Rgba> fills{{0.9f, 0.8f, 0.7f, 1}, {0.5f, 0.5f, 0.5f, 1}};
    std::vector<float> hatch{0.0f, 0.5f};
    std::vector<int> outlined{1};
    std::vector<MarkerInstance> markers{MarkerInstance{}};
    BodyMapFrame frame;

    FrameData() {
        frame.width = 640;
        frame.height = 480;
        frame.views.push_back({BodyView::Front, {10, 20}, {300, 300}});
        frame.regionFill = fills;
        frame.regionHatch = hatch;
        frame.outlinedRegions = outlined;
        frame.markers = markers;
    }
};

} // namespace

TEST_CASE("a kept frame shows the same as an identical frame, and not after any change") {
    FrameData data;
    const BodyMapFrameCopy kept(data.frame);
    CHECK(kept.shows(data.frame));

    SUBCASE("size") {
        data.frame.width = 641;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("a view's placement (pan or zoom)") {
        data.frame.views[0].scale = {301, 301};
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("a region's fill (data or theme)") {
        data.fills[1].g = 0.51f;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("hover") {
        data.frame.hoveredRegion = 0;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("a marker moved or selected") {
        data.markers[0].centre = {5, 5};
        CHECK_FALSE(kept.shows(data.frame));
        data.markers[0] = MarkerInstance{};
        CHECK(kept.shows(data.frame));
        data.markers[0].ring = 1;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("a marker added") {
        data.markers.push_back(MarkerInstance{});
        data.frame.markers = data.markers;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("a highlighted region or hatching") {
        data.outlined.push_back(0);
        data.frame.outlinedRegions = data.outlined;
        CHECK_FALSE(kept.shows(data.frame));
    }
    SUBCASE("the style") {
        data.frame.style.silhouetteWidth *= 2;
        CHECK_FALSE(kept.shows(data.frame));
    }
}
