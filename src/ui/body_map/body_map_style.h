#pragma once

#include "core/colour_ramp.h"
#include "render/body_map_frame.h"
#include "ui/style/theme.h"

#include <imgui.h>

namespace knotmap::ui {

// The body map's colours for a theme: calm neutrals for the body so the pain
// ramp carries the meaning, and outlines chosen to separate markers from
// both the body and the heat colours.
struct BodyMapColours {
    render::BodyMapStyle style; // widths in UI units: scale before drawing
    render::Rgba card;          // the map's background
    render::Rgba body;          // a region with no heat
    float heatStrength = 0.9f;  // how much of the ramp colour covers the body
    float hoverTint = 0.16f;    // toward the accent
    render::Rgba accent;
    render::Rgba markerOutline;
    render::Rgba unratedFill; // a knot never rated
    render::Rgba resolvedFill;
    render::Rgba resolvedOutline;
    ImVec4 markerTextDark;
    ImVec4 markerTextLight;
    ImVec4 label; // view names and side letters
};

[[nodiscard]] BodyMapColours bodyMapColours(ThemeKind theme);

[[nodiscard]] render::Rgba toRgba(const ImVec4& colour);
[[nodiscard]] render::Rgba toRgba(Srgb colour, float alpha = 1.0f);
[[nodiscard]] ImVec4 toImVec4(const render::Rgba& colour);
[[nodiscard]] render::Rgba mix(const render::Rgba& from, const render::Rgba& to, float amount);
// The ramp colour for a pain rating, for ImGui drawing (legend, chooser).
[[nodiscard]] ImU32 painColourU32(double pain);

} // namespace knotmap::ui
