#pragma once

#include <imgui.h>

#include <cstddef>
#include <string_view>

// Marker shapes for charts. Treatment kinds are told apart by shape as well
// as colour, so the chart still reads in greyscale and for colour blindness.
namespace knotmap::ui {

enum class Glyph {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Cross,
    Plus,
    Star,
    Hexagon,
    Ring,
};

inline constexpr std::size_t kGlyphCount = 10;

// The glyphs in an order where neighbours differ most, repeating after
// kGlyphCount, for assigning shapes to a list of kinds.
[[nodiscard]] Glyph glyphForIndex(std::size_t index);
[[nodiscard]] std::string_view displayName(Glyph glyph);

// Draws glyph filled with colour, fitting a circle of the given radius.
void drawGlyph(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour);

// The glyph over a slightly larger copy in haloColour (the chart background)
// so it stays legible where it sits on a line or another marker.
void drawGlyphWithHalo(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour,
                       ImU32 haloColour);

} // namespace knotmap::ui
