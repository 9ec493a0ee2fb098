#pragma once

#include "render/body_map_frame.h"
#include "ui/body_map/body_map_geometry.h"
#include "ui/body_map/body_map_state.h"
#include "ui/body_map/body_map_style.h"
#include "ui/body_map/body_map_types.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace knotmap::ui {

// A marker as shown this frame, in draw order (later on top).
struct PlacedMarker {
    std::size_t index = 0; // into BodyMapInput::markers
    Vec2 screen;           // centre, ImGui coordinates
    float radius = 0;      // ImGui units
};

// A marker's radius at a zoom: they grow a little when zoomed in, so they
// stay easy to hit and read against a larger body, but far less than the body.
[[nodiscard]] float markerRadius(float baseRadius, double zoom);

// Visible markers in draw order: resolved ones first, then by pain so the
// most painful sit on top; the selected and the dragged one last. A marker
// being dragged is placed under the pointer.
[[nodiscard]] std::vector<PlacedMarker> placeMarkers(const BodyMapInput& input,
                                                     const BodyMapState& state,
                                                     const BodyMapGeometry& geometry,
                                                     float baseRadius, Vec2 pointer);

// What the map shows under the pointer.
struct BodyMapHover {
    const AtlasRegion* region = nullptr;
    std::optional<std::size_t> marker; // index into BodyMapInput::markers
};

// The renderer's frame and the storage its spans point into.
struct BodyMapScene {
    std::vector<render::Rgba> fills;
    std::vector<float> hatch;
    std::vector<render::MarkerInstance> markers;
    std::vector<int> outlined;
    render::BodyMapFrame frame;
};

// framebufferScale converts ImGui units to target pixels; uiScale is the
// Appearance's scale (widths in the colours are in 96-dpi pixels).
void buildScene(BodyMapScene& scene, const BodyMapInput& input, const BodyMapState& state,
                const BodyMapGeometry& geometry, const std::vector<PlacedMarker>& placed,
                const BodyMapHover& hover, const BodyMapColours& colours, float framebufferScale,
                float uiScale);

} // namespace knotmap::ui
