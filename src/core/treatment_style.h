#pragma once

#include "core/colour_ramp.h"

#include <cstddef>
#include <string_view>

// The one glyph and colour of each treatment kind, wherever a treatment is
// drawn: the history charts and their keys in the window, and the PDF report.
// The style is a function of the kind's code alone, so Heat looks the same on
// every knot's chart, for every client, in every run, whatever other kinds
// share the chart. Built-in kinds have hand-picked styles; kinds the user
// adds get one derived from their code.
namespace knotmap {

// Marker shapes. Kinds are told apart by shape as well as colour, so a chart
// still reads in greyscale, on a black-and-white print and for colour-blind
// readers.
enum class MarkerGlyph {
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
inline constexpr std::size_t kMarkerGlyphCount = 10;

// Calm categorical hues, kept apart from the pain ramp (sand, amber,
// terracotta, plum), from the better/worse pair (teal, brick red) and from
// the blue of the pain line, so a marker is never read as a pain level.
enum class TreatmentHue { Violet, Olive, Rose, Slate, Sky, Brown };
inline constexpr std::size_t kTreatmentHueCount = 6;

struct TreatmentStyle {
    MarkerGlyph glyph = MarkerGlyph::Circle;
    TreatmentHue hue = TreatmentHue::Violet;

    friend bool operator==(const TreatmentStyle&, const TreatmentStyle&) = default;
};

// The style of the treatment kind with this vocabulary code. Codes of
// built-in kinds ("heat", "foam_roller"...) get their fixed style; any other
// code gets one of the combinations no built-in kind uses, chosen by a stable
// hash of the code (FNV-1a, the same on every machine and run).
[[nodiscard]] TreatmentStyle treatmentStyle(std::string_view kindCode);

// True for the codes with a hand-picked style.
[[nodiscard]] bool hasBuiltInStyle(std::string_view kindCode);

// What a background the colour is drawn on: a light theme and paper share
// the darker shades; the dark theme gets lighter ones for contrast.
enum class Surface { Light, Dark };
[[nodiscard]] Srgb treatmentColour(TreatmentHue hue, Surface surface);

// "circle", "triangle up"... for people (tooltips, docs, tests).
[[nodiscard]] std::string_view displayName(MarkerGlyph glyph);

} // namespace knotmap
