#pragma once

#include "ui/style/appearance.h"

#include <string_view>

namespace knotmap::ui {

// A small tinted label in the menu bar for a state that lasts (read-only,
// saving): always visible, never in the way. The tooltip says more.
void drawStatusPill(std::string_view label, std::string_view tooltip, const ColourPair& tint,
                    const Appearance& look);

} // namespace knotmap::ui
