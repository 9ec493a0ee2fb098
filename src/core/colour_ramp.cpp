#include "core/colour_ramp.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace knotmap {
namespace {

double toLinear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double toGamma(double channel) {
    channel = std::clamp(channel, 0.0, 1.0);
    return channel <= 0.0031308 ? 12.92 * channel : 1.055 * std::pow(channel, 1.0 / 2.4) - 0.055;
}

Srgb fromHex(unsigned hex) {
    return {static_cast<double>((hex >> 16) & 0xFF) / 255.0,
            static_cast<double>((hex >> 8) & 0xFF) / 255.0,
            static_cast<double>(hex & 0xFF) / 255.0};
}

struct RampStop {
    double pain;
    unsigned hex;
};

// Hand-picked warm stops. Each sits at the pain value where the ramp's
// lightness reaches the stop's own lightness, so lightness falls linearly
// (about 0.057 per pain point) and neighbouring ratings are all about equally
// far apart (OKLab distance 0.06-0.075).
constexpr std::array<RampStop, 5> kStops{{
    {0.0, 0xF7EFD2},  // pale sand
    {1.47, 0xF2CF7E}, // soft amber
    {3.79, 0xE89152}, // apricot
    {6.36, 0xC8513F}, // terracotta
    {10.0, 0x6E1F4B}, // deep plum
}};

double relativeLuminance(Srgb colour) {
    return 0.2126 * toLinear(colour.r) + 0.7152 * toLinear(colour.g) + 0.0722 * toLinear(colour.b);
}

double contrastRatio(Srgb first, Srgb second) {
    const double a = relativeLuminance(first);
    const double b = relativeLuminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

} // namespace

OkLab toOkLab(Srgb colour) {
    const double r = toLinear(colour.r);
    const double g = toLinear(colour.g);
    const double b = toLinear(colour.b);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Srgb toSrgb(OkLab colour) {
    const double l = std::pow(colour.L + 0.3963377774 * colour.a + 0.2158037573 * colour.b, 3.0);
    const double m = std::pow(colour.L - 0.1055613458 * colour.a - 0.0638541728 * colour.b, 3.0);
    const double s = std::pow(colour.L - 0.0894841775 * colour.a - 1.2914855480 * colour.b, 3.0);
    return {toGamma(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
            toGamma(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
            toGamma(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s)};
}

double deltaE(OkLab first, OkLab second) {
    return std::hypot(first.L - second.L, first.a - second.a, first.b - second.b);
}

OkLab painRampLab(double pain) {
    pain = std::clamp(std::isnan(pain) ? 0.0 : pain, 0.0, 10.0);
    std::size_t upper = 1;
    while (upper + 1 < kStops.size() && pain > kStops[upper].pain) {
        ++upper;
    }
    const RampStop& from = kStops[upper - 1];
    const RampStop& to = kStops[upper];
    const double t = (pain - from.pain) / (to.pain - from.pain);
    const OkLab a = toOkLab(fromHex(from.hex));
    const OkLab b = toOkLab(fromHex(to.hex));
    return {a.L + (b.L - a.L) * t, a.a + (b.a - a.a) * t, a.b + (b.b - a.b) * t};
}

Srgb painRampColour(double pain) {
    return toSrgb(painRampLab(pain));
}

Srgb readableTextOn(Srgb background, Srgb dark, Srgb light) {
    return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}

PainBand painBand(int pain) {
    if (pain >= 7) {
        return PainBand::Severe;
    }
    if (pain >= 4) {
        return PainBand::Moderate;
    }
    return pain >= 1 ? PainBand::Mild : PainBand::None;
}

std::string_view displayName(PainBand band) {
    switch (band) {
    case PainBand::None:
        return "No pain";
    case PainBand::Mild:
        return "Mild";
    case PainBand::Moderate:
        return "Moderate";
    case PainBand::Severe:
        return "Severe";
    }
    return "";
}

} // namespace knotmap
