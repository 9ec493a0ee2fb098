#pragma once

#include <imgui.h>

namespace knotmap::ui {

// The Inter faces the panels use, rasterised for one UI scale.
struct FontSet {
    ImFont* body = nullptr;   // Inter Regular, the default font
    ImFont* strong = nullptr; // Inter SemiBold at body size
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

// Body text is 16 px at a UI scale of 1 (96 dpi).
inline constexpr float kBodyFontPixels = 16.0f;

// Clears atlas and fills it with the embedded Inter fonts sized for uiScale.
// The renderer's font texture must be recreated afterwards.
[[nodiscard]] FontSet buildFonts(ImFontAtlas& atlas, float uiScale);

} // namespace knotmap::ui
