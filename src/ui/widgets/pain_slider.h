#pragma once

#include "ui/style/appearance.h"

namespace knotmap::ui {

struct PainSliderResult {
    bool changed = false;  // pain was set to a new value this frame
    bool dragging = false; // the slider is held: more changes may follow
    bool released = false; // the user let go of the slider this frame
};

// The 0-10 pain rating as a slider whose grab takes the pain ramp's colour,
// above a strip of the ramp so the scale reads at a glance.
PainSliderResult painSlider(const char* id, int& pain, const Appearance& look);

// The pain ramp's colour for a rating, for the slider and the big number.
[[nodiscard]] ImVec4 painRampImColour(int pain);

} // namespace knotmap::ui
