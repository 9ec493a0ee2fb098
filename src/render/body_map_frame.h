#pragma once

#include "core/domain_codes.h"
#include "core/geometry.h"

#include <optional>
#include <span>
#include <vector>

// What one frame of the body map shows, in target pixels (y down). The panel
// decides colours and positions; the renderer only draws them.
namespace knotmap::render {

// sRGB with alpha, each in [0, 1].
struct Rgba {
    float r = 0;
    float g = 0;
    float b = 0;
    float a = 1;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

// Where one view's canvas lands on the target: diagram point (x, y) is drawn
// at origin + (x * scale.x, y * scale.y) pixels.
struct ViewPlacement {
    BodyView view = BodyView::Front;
    Vec2 origin;
    Vec2 scale;
    friend bool operator==(const ViewPlacement&, const ViewPlacement&) = default;
};

struct MarkerInstance {
    Vec2 centre;      // target pixels
    float radius = 8; // pixels
    float ring = 0;   // 0-1: the selection ring's strength
    float outlineWidth = 1.5f;
    float shadow = 1; // 0-1
    Rgba fill;
    Rgba outline;
    friend bool operator==(const MarkerInstance&, const MarkerInstance&) = default;
};

struct BodyMapStyle {
    Rgba background;
    Rgba internalStroke;        // boundaries between regions
    Rgba silhouetteStroke;      // the body's outline
    Rgba hoverStroke;           // the hovered region's outline
    Rgba highlightStroke;       // outlines of highlighted regions
    Rgba hatch;                 // stripes over highlighted regions
    Rgba shadow;                // the figure's shadow at its edge
    Rgba ring;                  // the selected marker's ring
    Rgba halo;                  // between a selected marker and its ring
    float internalWidth = 1.0f; // pixels
    float silhouetteWidth = 1.6f;
    float hoverWidth = 2.0f;
    float highlightWidth = 1.5f;
    float hatchPeriod = 7.0f;      // pixels
    float rimWidth = 0.03f;        // canvas heights
    float rimDarkening = 0.12f;    // 0-1
    float shadowSoftness = 0.012f; // canvas heights
    Vec2 shadowOffset{0.0, 0.004}; // diagram units
    float ringGap = 2.5f;          // pixels
    float ringWidth = 2.5f;        // pixels
    friend bool operator==(const BodyMapStyle&, const BodyMapStyle&) = default;
};

struct BodyMapFrame {
    int width = 0; // target pixels
    int height = 0;
    std::vector<ViewPlacement> views;
    std::span<const Rgba> regionFill;        // by region index; missing regions are transparent
    std::span<const float> regionHatch;      // by region index, 0-1; may be empty
    std::span<const int> outlinedRegions;    // drawn with highlightStroke
    std::optional<int> hoveredRegion;        // drawn with hoverStroke
    std::span<const MarkerInstance> markers; // drawn in order: later on top
    BodyMapStyle style;
};

// What a frame showed, kept by value: the canvas draws again only when the
// next frame would show something else.
struct BodyMapFrameCopy {
    int width = 0;
    int height = 0;
    std::vector<ViewPlacement> views;
    std::vector<Rgba> regionFill;
    std::vector<float> regionHatch;
    std::vector<int> outlinedRegions;
    std::optional<int> hoveredRegion;
    std::vector<MarkerInstance> markers;
    BodyMapStyle style;

    BodyMapFrameCopy() = default;
    explicit BodyMapFrameCopy(const BodyMapFrame& frame);
    [[nodiscard]] bool shows(const BodyMapFrame& frame) const;
};

} // namespace knotmap::render
