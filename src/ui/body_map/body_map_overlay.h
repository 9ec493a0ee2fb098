#pragma once

#include "ui/body_map/body_map_geometry.h"
#include "ui/body_map/body_map_scene.h"
#include "ui/body_map/body_map_state.h"
#include "ui/body_map/body_map_style.h"
#include "ui/body_map/body_map_types.h"
#include "ui/style/appearance.h"

#include <vector>

// What ImGui draws over the rendered map: text stays in ImGui's own crisp
// font rendering rather than being baked into the map's image.
namespace knotmap::ui {

// "Front" and "Back" above each figure, and the patient's R and L beside it
// (the front view shows the patient's right on the left of the screen).
void drawViewLabels(const Atlas& atlas, const BodyMapGeometry& geometry,
                    const BodyMapColours& colours, const Appearance& look);

// Each rated marker's pain inside it, in whichever of dark or light text reads better.
void drawMarkerNumbers(const BodyMapInput& input, const std::vector<PlacedMarker>& placed,
                       const BodyMapColours& colours, const Appearance& look);

// The hovered marker's knot, or else the hovered region's names.
void drawHoverTooltip(const BodyMapInput& input, const BodyMapHover& hover, const Appearance& look);

// The popup listing markers that sit too close to tell apart; choosing one
// reports it as clicked.
void drawMarkerChooser(const BodyMapInput& input, BodyMapState& state, BodyMapEvents& events,
                       const Appearance& look);

inline constexpr const char* kMarkerChooserId = "##knot-chooser";

} // namespace knotmap::ui
