#include "core/view_transform.h"

#include <doctest/doctest.h>

using namespace knotmap;

namespace {

ViewFrame frameFor(BodyMapMode mode, Vec2 viewportSize = {800, 600}) {
    return {sceneBounds(layoutViews(mode, 0.5)), {100, 50}, viewportSize, 20};
}

void checkNear(Vec2 actual, Vec2 expected, double tolerance = 1e-9) {
    CHECK(actual.x == doctest::Approx(expected.x).epsilon(tolerance));
    CHECK(actual.y == doctest::Approx(expected.y).epsilon(tolerance));
}

} // namespace

TEST_CASE("at zoom 1 the scene fits the viewport, centred, keeping its aspect") {
    const ViewFrame frame = frameFor(BodyMapMode::Front);
    const ViewTransform transform(frame, {});
    // The canvas is 0.5 x 1: height limits, 600 - 2 * 20 = 560 pixels.
    CHECK(transform.scale() == doctest::Approx(560));
    checkNear(transform.toScreen({0.25, 0.5}), {500, 350});
    checkNear(transform.toScreen({0, 0}), {500 - 140, 70});
    checkNear(transform.toScreen({0.5, 1}), {500 + 140, 630});
}

TEST_CASE("side by side places the back to the right of the front") {
    const auto views = layoutViews(BodyMapMode::SideBySide, 0.5, 0.1);
    REQUIRE(views.size() == 2);
    CHECK(views[0].view == BodyView::Front);
    CHECK(views[1].view == BodyView::Back);
    const Box box = sceneBounds(views);
    CHECK(box.max.x == doctest::Approx(1.1));
    CHECK(box.max.y == doctest::Approx(1.0));
    const Vec2 scene = views[1].toScene({0.5, 0.25});
    CHECK(scene.x == doctest::Approx(0.85));
    CHECK(viewAt(views, scene) == &views[1]);
    CHECK(viewAt(views, {0.55, 0.5}) == nullptr); // in the gap
    checkNear(views[1].toDiagram(scene), {0.5, 0.25});
}

TEST_CASE("screen to diagram and back is the identity at any zoom and pan") {
    const ViewFrame frame = frameFor(BodyMapMode::SideBySide, {1000, 700});
    const auto views = layoutViews(BodyMapMode::SideBySide, 0.5);
    for (const ViewState state :
         {ViewState{}, ViewState{4.0, {-230, 75}}, ViewState{0.5, {9, 9}}}) {
        const ViewTransform transform(frame, state);
        for (const Vec2 screen : {Vec2{100, 50}, Vec2{613.5, 402.25}, Vec2{1099, 749}}) {
            checkNear(transform.toScreen(transform.toScene(screen)), screen);
        }
        const Vec2 diagram{0.31, 0.77};
        const Vec2 screen = transform.toScreen(views[1].toScene(diagram));
        checkNear(views[1].toDiagram(transform.toScene(screen)), diagram);
    }
}

TEST_CASE("zooming keeps the diagram point under the cursor fixed") {
    const ViewFrame frame = frameFor(BodyMapMode::Front);
    ViewState state{1.5, {40, -25}};
    const Vec2 cursor{612, 203};
    const Vec2 anchor = ViewTransform(frame, state).toScene(cursor);
    for (const double factor : {1.25, 1.25, 2.0, 0.5, 0.8}) {
        state = zoomAt(frame, state, cursor, factor);
        checkNear(ViewTransform(frame, state).toScreen(anchor), cursor, 1e-9);
    }
    CHECK(state.zoom == doctest::Approx(1.5 * 1.25 * 1.25 * 2.0 * 0.5 * 0.8));
}

TEST_CASE("zoom is clamped, and the cursor's point still stays put") {
    const ViewFrame frame = frameFor(BodyMapMode::Front);
    const Vec2 cursor{300, 500};
    const Vec2 anchor = ViewTransform(frame, {}).toScene(cursor);
    const ViewState deep = zoomAt(frame, {}, cursor, 1000.0);
    CHECK(deep.zoom == doctest::Approx(kMaxZoom));
    checkNear(ViewTransform(frame, deep).toScreen(anchor), cursor);
    CHECK(zoomAt(frame, {}, cursor, 0.001).zoom == doctest::Approx(kMinZoom));
}

TEST_CASE("a resize keeps the figure centred: pan is relative to the viewport's centre") {
    ViewFrame frame = frameFor(BodyMapMode::Front);
    const Vec2 before = ViewTransform(frame, {}).toScreen({0.25, 0.5});
    frame.viewportSize = {1200, 600};
    const Vec2 after = ViewTransform(frame, {}).toScreen({0.25, 0.5});
    CHECK(after.x - before.x == doctest::Approx(200));
    CHECK(after.y == doctest::Approx(before.y));
}

TEST_CASE("panning far away is limited so part of the figure stays visible") {
    const ViewFrame frame = frameFor(BodyMapMode::Front);
    const ViewState lost{2.0, {5000, -5000}};
    const ViewState kept = clampPan(frame, lost, 50);
    const ViewTransform transform(frame, kept);
    const Vec2 low = transform.toScreen(frame.scene.min);
    const Vec2 high = transform.toScreen(frame.scene.max);
    CHECK(low.x == doctest::Approx(100 + 800 - 50));
    CHECK(high.y == doctest::Approx(50 + 50));
    // A view already on screen is left alone.
    const ViewState fine{2.0, {30, 30}};
    const ViewState same = clampPan(frame, fine, 50);
    CHECK(same.pan.x == doctest::Approx(30));
    CHECK(same.pan.y == doctest::Approx(30));
}
