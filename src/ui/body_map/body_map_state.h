#pragma once

#include "core/domain.h"
#include "core/view_transform.h"
#include "render/body_map_canvas.h"

#include <imgui.h>

#include <memory>
#include <optional>
#include <vector>

namespace knotmap::ui {

// A mouse gesture on the map, from press to release.
struct BodyMapGesture {
    enum class Kind {
        None,
        Pressed,    // down, not moved far enough to be a drag yet
        MoveMarker, // dragging a marker to a new place
        Pan,
    };
    Kind kind = Kind::None;
    ImGuiMouseButton button = ImGuiMouseButton_Left;
    Vec2 pressedAt;           // screen
    std::optional<Id> marker; // the marker under the press, when it was unambiguous
    std::vector<Id> crowd;    // markers about equally near the press: ask on release
    Vec2 grabOffset;          // marker centre minus pointer at the press, screen
};

// Where a view's whole canvas (diagram [0, 1] x [0, 1]) was drawn, in ImGui
// coordinates: for tests and tools that click a diagram point.
struct ShownCanvas {
    BodyView view = BodyView::Front;
    ImVec2 min;
    ImVec2 max;
};

// Everything the body map remembers between frames.
struct BodyMapState {
    BodyMapMode mode = BodyMapMode::SideBySide;
    ViewState view;
    bool heat = true;
    BodyMapGesture gesture;
    std::vector<Id> chooser;                // the knots offered by the open chooser
    std::vector<ShownCanvas> shownCanvases; // as drawn in the last frame
    // GPU resources, made on first draw; release them (releaseGraphics) while
    // the window's OpenGL context still exists.
    std::unique_ptr<render::BodyMapCanvas> canvas;
    bool canvasErrorReported = false; // on stderr, once
};

inline void releaseGraphics(BodyMapState& state) {
    state.canvas.reset();
}

} // namespace knotmap::ui
