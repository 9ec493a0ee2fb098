#include "ui/body_map/body_map_geometry.h"

namespace knotmap::ui {
namespace {

// Room above each figure for its "Front" / "Back" title, and around it for
// the side letters, in canvas heights.
constexpr double kTitleRoom = 0.05;
constexpr double kSideRoom = 0.06;
// Between the front and back canvases side by side; the canvases' own empty
// edges already separate the figures.
constexpr double kViewGap = -0.02;

// The figures, not their whole canvases, fill the panel: the canvas is
// mostly empty beside the body, and side by side that would halve the size.
Box figureBounds(const Atlas& atlas, const std::vector<PlacedView>& views) {
    Box box;
    for (const PlacedView& placed : views) {
        for (const Polygon& outline : atlas.silhouette(placed.view)) {
            for (const Vec2 point : outline) {
                box.include(placed.toScene(point));
            }
        }
    }
    if (box.empty()) {
        return sceneBounds(views);
    }
    box.min = box.min - Vec2{kSideRoom, kTitleRoom};
    box.max = box.max + Vec2{kSideRoom, 0.01};
    return box;
}

ViewFrame makeFrame(const Atlas& atlas, const std::vector<PlacedView>& views, ImVec2 min,
                    ImVec2 size, float margin) {
    return {figureBounds(atlas, views), toVec2(min), toVec2(size), margin};
}

} // namespace

BodyMapGeometry::BodyMapGeometry(ImVec2 min, ImVec2 size, const Atlas& atlas, BodyMapMode mode,
                                 const ViewState& view, float margin)
    : m_min(min), m_size(size), m_views(layoutViews(mode, atlas.canvasAspect(), kViewGap)),
      m_frame(makeFrame(atlas, m_views, min, size, margin)), m_transform(m_frame, view) {}

bool BodyMapGeometry::contains(Vec2 screen) const {
    return screen.x >= m_min.x && screen.y >= m_min.y && screen.x < m_min.x + m_size.x &&
           screen.y < m_min.y + m_size.y;
}

std::optional<Vec2> BodyMapGeometry::toScreen(BodyView view, Vec2 diagram) const {
    for (const PlacedView& placed : m_views) {
        if (placed.view == view) {
            return m_transform.toScreen(placed.toScene(diagram));
        }
    }
    return std::nullopt;
}

std::optional<BodyMapGeometry::Location> BodyMapGeometry::locate(Vec2 screen) const {
    const Vec2 scene = m_transform.toScene(screen);
    if (const PlacedView* placed = viewAt(m_views, scene)) {
        return Location{placed->view, placed->toDiagram(scene)};
    }
    return std::nullopt;
}

} // namespace knotmap::ui
