#pragma once

#include "ui/body_map/body_map_state.h"
#include "ui/body_map/body_map_types.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The body map: a toolbar (Front | Back | Side by side, heat on or off, the
// zoom and Reset view), the map itself drawn by the OpenGL renderer into an
// offscreen image, and the pain legend below. Fills the remaining space of
// the current window. Wheel zooms toward the pointer, dragging pans (or moves
// a marker), hovering names the region. Returns what the user did; the
// caller decides what that changes.
BodyMapEvents drawBodyMap(const BodyMapInput& input, BodyMapState& state, const Appearance& look);

} // namespace knotmap::ui
