#pragma once

#include "ui/style/fonts.h"
#include "ui/style/theme.h"

namespace knotmap::ui {

// What every panel needs to draw consistently: fonts, colours and the UI
// scale (1 at 96 dpi) for sizes that are not part of ImGuiStyle.
struct Appearance {
    FontSet fonts;
    ThemeKind theme = ThemeKind::Light;
    float scale = 1.0f;

    [[nodiscard]] const Palette& colours() const { return palette(theme); }
    // A length in pixels at 96 dpi, scaled for this display.
    [[nodiscard]] float px(float length) const { return length * scale; }
};

} // namespace knotmap::ui
