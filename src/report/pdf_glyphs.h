#pragma once

#include "core/treatment_style.h"
#include "report/pdf_painter.h"

#include <string_view>

// Treatment markers on paper: the same glyph and colour each kind has in the
// window (core/treatment_style.h), drawn as vectors.
namespace knotmap::report {

// The kind's colour on paper (the light-surface shade).
[[nodiscard]] Srgb paperColour(TreatmentHue hue);

// glyph fitting a circle of radius around centre: filled in colour, or, when
// outlined, white inside a coloured outline (a whole-session treatment).
void drawGlyph(PdfPainter& painter, Vec2 centre, double radius, MarkerGlyph glyph, Srgb colour,
               bool outlined = false);

// The marker of the treatment kind with this code.
void drawTreatmentMarker(PdfPainter& painter, Vec2 centre, double radius, std::string_view kindCode,
                         bool outlined = false);

} // namespace knotmap::report
