#include "core/view_transform.h"

#include <algorithm>

namespace knotmap {

Vec2 PlacedView::toScene(Vec2 diagram) const {
    return {origin.x + diagram.x * width, origin.y + diagram.y};
}

Vec2 PlacedView::toDiagram(Vec2 scene) const {
    return {(scene.x - origin.x) / width, scene.y - origin.y};
}

bool PlacedView::containsScene(Vec2 scene) const {
    const Vec2 d = toDiagram(scene);
    return d.x >= 0 && d.x <= 1 && d.y >= 0 && d.y <= 1;
}

std::vector<PlacedView> layoutViews(BodyMapMode mode, double canvasAspect, double gap) {
    switch (mode) {
    case BodyMapMode::Front:
        return {{BodyView::Front, {0, 0}, canvasAspect}};
    case BodyMapMode::Back:
        return {{BodyView::Back, {0, 0}, canvasAspect}};
    case BodyMapMode::SideBySide:
        return {{BodyView::Front, {0, 0}, canvasAspect},
                {BodyView::Back, {canvasAspect + gap, 0}, canvasAspect}};
    }
    return {};
}

Box sceneBounds(const std::vector<PlacedView>& views) {
    Box box;
    for (const PlacedView& placed : views) {
        box.include(placed.origin);
        box.include({placed.origin.x + placed.width, placed.origin.y + 1.0});
    }
    return box;
}

const PlacedView* viewAt(const std::vector<PlacedView>& views, Vec2 scene) {
    for (const PlacedView& placed : views) {
        if (placed.containsScene(scene)) {
            return &placed;
        }
    }
    return nullptr;
}

ViewTransform::ViewTransform(const ViewFrame& frame, const ViewState& state) {
    const double sceneWidth = std::max(frame.scene.max.x - frame.scene.min.x, 1e-9);
    const double sceneHeight = std::max(frame.scene.max.y - frame.scene.min.y, 1e-9);
    const double usableWidth = std::max(frame.viewportSize.x - 2 * frame.margin, 1.0);
    const double usableHeight = std::max(frame.viewportSize.y - 2 * frame.margin, 1.0);
    m_fitScale = std::min(usableWidth / sceneWidth, usableHeight / sceneHeight);
    m_scale = m_fitScale * state.zoom;
    m_sceneCentre = (frame.scene.min + frame.scene.max) * 0.5;
    m_centre = frame.viewportMin + frame.viewportSize * 0.5 + state.pan;
}

Vec2 ViewTransform::toScreen(Vec2 scene) const {
    return m_centre + (scene - m_sceneCentre) * m_scale;
}

Vec2 ViewTransform::toScene(Vec2 screen) const {
    return m_sceneCentre + (screen - m_centre) * (1.0 / m_scale);
}

ViewState zoomAt(const ViewFrame& frame, const ViewState& state, Vec2 cursor, double factor) {
    const ViewTransform before(frame, state);
    const Vec2 anchor = before.toScene(cursor);
    ViewState next = state;
    next.zoom = std::clamp(state.zoom * factor, kMinZoom, kMaxZoom);
    // Solve cursor == centre + pan' + (anchor - sceneCentre) * scale' for pan'.
    const Vec2 centre = frame.viewportMin + frame.viewportSize * 0.5;
    const Vec2 sceneCentre = (frame.scene.min + frame.scene.max) * 0.5;
    next.pan = cursor - centre - (anchor - sceneCentre) * (before.fitScale() * next.zoom);
    return next;
}

ViewState clampPan(const ViewFrame& frame, const ViewState& state, double keepVisible) {
    const ViewTransform transform(frame, state);
    const Vec2 low = transform.toScreen(frame.scene.min);
    const Vec2 high = transform.toScreen(frame.scene.max);
    const Vec2 viewLow = frame.viewportMin;
    const Vec2 viewHigh = frame.viewportMin + frame.viewportSize;
    ViewState next = state;
    // Along each axis, shift back just enough to keep the overlap.
    const auto limit = [&](double sceneLow, double sceneHigh, double lowEdge, double highEdge) {
        const double keep = std::min(keepVisible, sceneHigh - sceneLow);
        if (sceneHigh < lowEdge + keep) {
            return lowEdge + keep - sceneHigh;
        }
        if (sceneLow > highEdge - keep) {
            return highEdge - keep - sceneLow;
        }
        return 0.0;
    };
    next.pan.x += limit(low.x, high.x, viewLow.x, viewHigh.x);
    next.pan.y += limit(low.y, high.y, viewLow.y, viewHigh.y);
    return next;
}

} // namespace knotmap
