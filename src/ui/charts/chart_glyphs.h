#pragma once

#include "core/treatment_style.h"
#include "ui/style/appearance.h"

#include <imgui.h>

#include <cstddef>
#include <string_view>

// Drawing the marker shapes of charts. Which shape and colour a treatment kind
// gets is decided in one place, core/treatment_style.h, so a kind looks the
// same on every chart, in every key and in the PDF report.
namespace knotmap::ui {

using Glyph = MarkerGlyph;
inline constexpr std::size_t kGlyphCount = kMarkerGlyphCount;

struct TreatmentMarkerStyle {
    Glyph glyph = Glyph::Circle;
    ImVec4 colour{0, 0, 0, 1};
};

// The kind's glyph (core/treatment_style.h) in its colour for the current
// theme: the light shades on the light theme, lighter ones on the dark.
[[nodiscard]] TreatmentMarkerStyle treatmentMarkerStyle(const Palette& palette,
                                                        std::string_view kindCode);

// Draws glyph filled with colour, fitting a circle of the given radius.
void drawGlyph(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour);

// The glyph over a slightly larger copy in haloColour (the chart background)
// so it stays legible where it sits on a line or another marker.
void drawGlyphWithHalo(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour,
                       ImU32 haloColour);

// The glyph hollow: a coloured outline around haloColour (the chart
// background), for a marker that concerns the chart only indirectly, as the
// PDF draws a whole-session treatment (report/pdf_glyphs.h).
void drawGlyphOutlined(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour,
                       ImU32 haloColour);

} // namespace knotmap::ui
