#pragma once

#include "core/atlas.h"
#include "core/view_transform.h"
#include "ui/body_map/body_map_state.h"
#include "ui/body_map/body_map_types.h"

#include <imgui.h>

#include <optional>
#include <vector>

namespace knotmap::ui {

// Where the map and everything on it sits on screen in one frame (ImGui's
// coordinates). Rebuilt whenever zoom or pan change.
class BodyMapGeometry {
public:
    BodyMapGeometry(ImVec2 min, ImVec2 size, const Atlas& atlas, BodyMapMode mode,
                    const ViewState& view, float margin);

    [[nodiscard]] ImVec2 min() const { return m_min; }
    [[nodiscard]] ImVec2 size() const { return m_size; }
    [[nodiscard]] ImVec2 max() const { return ImVec2(m_min.x + m_size.x, m_min.y + m_size.y); }
    [[nodiscard]] const ViewFrame& frame() const { return m_frame; }
    [[nodiscard]] const ViewTransform& transform() const { return m_transform; }
    [[nodiscard]] const std::vector<PlacedView>& views() const { return m_views; }
    [[nodiscard]] bool contains(Vec2 screen) const;

    // Where a diagram point of view is on screen; none when the view is not shown.
    [[nodiscard]] std::optional<Vec2> toScreen(BodyView view, Vec2 diagram) const;

    struct Location {
        BodyView view = BodyView::Front;
        Vec2 diagram;
    };
    // The view and diagram point under a screen point, if it is on a canvas.
    [[nodiscard]] std::optional<Location> locate(Vec2 screen) const;

private:
    ImVec2 m_min;
    ImVec2 m_size;
    std::vector<PlacedView> m_views;
    ViewFrame m_frame;
    ViewTransform m_transform;
};

[[nodiscard]] inline Vec2 toVec2(ImVec2 point) {
    return {point.x, point.y};
}
[[nodiscard]] inline ImVec2 toImVec2(Vec2 point) {
    return ImVec2(static_cast<float>(point.x), static_cast<float>(point.y));
}

} // namespace knotmap::ui
