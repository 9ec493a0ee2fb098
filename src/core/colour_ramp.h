#pragma once

#include <string_view>

// Colour maths for the pain heat ramp shared by the body map's markers, its
// region heat and its legend, so a colour means the same pain everywhere.
namespace knotmap {

// Gamma-encoded sRGB, each channel in [0, 1].
struct Srgb {
    double r = 0.0;
    double g = 0.0;
    double b = 0.0;
};

// Björn Ottosson's OKLab: L is perceived lightness (0 black, 1 white), and
// equal distances are roughly equally noticeable differences.
struct OkLab {
    double L = 0.0;
    double a = 0.0;
    double b = 0.0;
};

[[nodiscard]] OkLab toOkLab(Srgb colour);
// Channels outside the sRGB gamut are clamped.
[[nodiscard]] Srgb toSrgb(OkLab colour);
// The Euclidean distance in OKLab (a just-noticeable difference is about 0.02).
[[nodiscard]] double deltaE(OkLab first, OkLab second);

// The pain ramp from 0 (pale sand) through amber and terracotta to 10 (deep
// plum). Lightness falls strictly and evenly with pain, so the order reads
// without hue: in greyscale and for every kind of colour blindness.
// pain is clamped to [0, 10]; fractional values interpolate.
[[nodiscard]] OkLab painRampLab(double pain);
[[nodiscard]] Srgb painRampColour(double pain);

// Whichever of dark and light text has the higher WCAG contrast on background.
[[nodiscard]] Srgb readableTextOn(Srgb background, Srgb dark, Srgb light);

// The clinical bands of the 0-10 numeric rating scale.
enum class PainBand { None, Mild, Moderate, Severe };
[[nodiscard]] PainBand painBand(int pain); // 0 none, 1-3 mild, 4-6 moderate, 7-10 severe
[[nodiscard]] std::string_view displayName(PainBand band);

} // namespace knotmap
