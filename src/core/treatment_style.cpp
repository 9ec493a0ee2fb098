#include "core/treatment_style.h"

#include <array>
#include <cstdint>
#include <vector>

namespace knotmap {
namespace {

struct BuiltInStyle {
    std::string_view code;
    TreatmentStyle style;
};

using G = MarkerGlyph;
using H = TreatmentHue;

// Hand-picked so families read together: a therapist's massage techniques
// are violet, self-massage tools brown, and within a family every kind has
// its own shape. The most common kinds get the plainest shapes. Every pair
// is different (tests/core/test_treatment_style.cpp checks it).
constexpr std::array<BuiltInStyle, 17> kBuiltIn{{
    {"massage_deep_tissue", {G::Circle, H::Violet}},
    {"massage_myofascial_release", {G::Diamond, H::Violet}},
    {"massage_trigger_point", {G::Star, H::Violet}},
    {"massage_sports", {G::TriangleUp, H::Violet}},
    {"massage_relaxation", {G::Ring, H::Violet}},
    {"stretching", {G::Plus, H::Olive}},
    {"heat", {G::Square, H::Rose}},
    {"ice", {G::Hexagon, H::Sky}},
    {"foam_roller", {G::TriangleDown, H::Brown}},
    {"massage_ball", {G::Circle, H::Brown}},
    {"massage_gun", {G::Cross, H::Brown}},
    {"rest", {G::Ring, H::Slate}},
    {"hydration", {G::Diamond, H::Sky}},
    {"gentle_exercise", {G::TriangleUp, H::Olive}},
    {"medication", {G::Plus, H::Rose}},
    {"dry_needling", {G::Cross, H::Rose}},
    {"physiotherapy", {G::Square, H::Olive}},
}};

// The combinations no built-in kind uses, in a fixed order, for kinds added
// by the user.
std::vector<TreatmentStyle> freeStyles() {
    std::vector<TreatmentStyle> styles;
    for (std::size_t hue = 0; hue < kTreatmentHueCount; ++hue) {
        for (std::size_t glyph = 0; glyph < kMarkerGlyphCount; ++glyph) {
            const TreatmentStyle style{static_cast<MarkerGlyph>(glyph),
                                       static_cast<TreatmentHue>(hue)};
            bool used = false;
            for (const BuiltInStyle& builtIn : kBuiltIn) {
                used = used || builtIn.style == style;
            }
            if (!used) {
                styles.push_back(style);
            }
        }
    }
    return styles;
}

// 64-bit FNV-1a: tiny, and its result does not depend on the platform or on
// std::hash's implementation, so a kind keeps its style across machines.
std::uint64_t stableHash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

Srgb rgb(int r, int g, int b) {
    return {r / 255.0, g / 255.0, b / 255.0};
}

} // namespace

bool hasBuiltInStyle(std::string_view kindCode) {
    for (const BuiltInStyle& builtIn : kBuiltIn) {
        if (builtIn.code == kindCode) {
            return true;
        }
    }
    return false;
}

TreatmentStyle treatmentStyle(std::string_view kindCode) {
    for (const BuiltInStyle& builtIn : kBuiltIn) {
        if (builtIn.code == kindCode) {
            return builtIn.style;
        }
    }
    static const std::vector<TreatmentStyle> kFree = freeStyles();
    return kFree[stableHash(kindCode) % kFree.size()];
}

Srgb treatmentColour(TreatmentHue hue, Surface surface) {
    // The light set has at least 4.5:1 contrast on white; the dark set the
    // same on the dark theme's background. Both are muted rather than loud.
    const bool dark = surface == Surface::Dark;
    switch (hue) {
    case TreatmentHue::Violet:
        return dark ? rgb(178, 148, 230) : rgb(118, 78, 176);
    case TreatmentHue::Olive:
        return dark ? rgb(156, 190, 96) : rgb(86, 116, 34);
    case TreatmentHue::Rose:
        return dark ? rgb(232, 140, 200) : rgb(178, 70, 140);
    case TreatmentHue::Slate:
        return dark ? rgb(160, 172, 186) : rgb(84, 98, 112);
    case TreatmentHue::Sky:
        return dark ? rgb(110, 200, 230) : rgb(22, 124, 160);
    case TreatmentHue::Brown:
        return dark ? rgb(196, 172, 146) : rgb(128, 100, 72);
    }
    return rgb(84, 98, 112);
}

std::string_view displayName(MarkerGlyph glyph) {
    switch (glyph) {
    case MarkerGlyph::Circle:
        return "circle";
    case MarkerGlyph::Square:
        return "square";
    case MarkerGlyph::Diamond:
        return "diamond";
    case MarkerGlyph::TriangleUp:
        return "triangle up";
    case MarkerGlyph::TriangleDown:
        return "triangle down";
    case MarkerGlyph::Cross:
        return "cross";
    case MarkerGlyph::Plus:
        return "plus";
    case MarkerGlyph::Star:
        return "star";
    case MarkerGlyph::Hexagon:
        return "hexagon";
    case MarkerGlyph::Ring:
        return "ring";
    }
    return "circle";
}

} // namespace knotmap
