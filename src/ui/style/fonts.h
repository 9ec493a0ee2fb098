#pragma once

#include <imgui.h>

#include <set>

namespace knotmap::ui {

class FallbackFaces;

// The Inter faces the panels use, rasterised for one UI scale.
struct FontSet {
    ImFont* body = nullptr;   // Inter Regular, the default font
    ImFont* strong = nullptr; // Inter SemiBold at body size
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Body text is 16 px at a UI scale of 1 (96 dpi).
inline constexpr float kBodyFontPixels = 16.0f;

// Clears atlas and fills it with the embedded Inter fonts sized for uiScale:
// Latin, Greek and Cyrillic always, and with fallbacks, the code points the
// window has been given since (ui/style/glyph_coverage.h), each from Inter when it
// has it, else merged in from an installed font at the same pixel size.
// The renderer's font texture must be recreated afterwards.
[[nodiscard]] FontSet buildFonts(ImFontAtlas& atlas, float uiScale,
                                 FallbackFaces* fallbacks = nullptr);

// The code points always in the atlas (Inter's Latin, Greek, Cyrillic,
// punctuation and symbols the text uses): no need to ask for these.
[[nodiscard]] bool inBaseGlyphRanges(char32_t codePoint);
[[nodiscard]] std::set<char32_t> baseGlyphCodePoints();

} // namespace knotmap::ui
