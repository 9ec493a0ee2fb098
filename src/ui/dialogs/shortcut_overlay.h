#pragma once

#include "ui/shell/feel_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// A calm modal listing every shortcut of core/shortcuts.h by group, while
// feel.shortcutsOpen; closed by ?, Esc or its button.
void drawShortcutOverlay(FeelState& feel, const Appearance& look);

} // namespace knotmap::ui
