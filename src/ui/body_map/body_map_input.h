#pragma once

#include "core/marker_picking.h"
#include "ui/body_map/body_map_geometry.h"
#include "ui/body_map/body_map_scene.h"
#include "ui/body_map/body_map_state.h"
#include "ui/body_map/body_map_types.h"
#include "ui/style/appearance.h"

#include <vector>

namespace knotmap::ui {

// Sizes for picking, in ImGui units.
struct PickSizes {
    float pickRadius = 0; // how far from a marker's centre a click still hits it
    float crowd = 0;      // markers this much farther than the nearest still count as tied
};

[[nodiscard]] MarkerPick pickAt(const std::vector<PlacedMarker>& placed, Vec2 pointer,
                                const PickSizes& sizes);

// Reads the mouse and keyboard for the map, whose invisible button was the
// last item submitted: wheel zooms toward the pointer, a drag on the body or
// with the right or middle button pans, a drag on a marker moves it, clicks
// and Delete become events. Changes state.view and state.gesture; returns
// true when a click hit several markers at once and the chooser should open
// (state.chooser then lists them).
bool handleBodyMapInput(const BodyMapInput& input, BodyMapState& state,
                        const BodyMapGeometry& geometry, const std::vector<PlacedMarker>& placed,
                        const PickSizes& sizes, BodyMapEvents& events);

} // namespace knotmap::ui
