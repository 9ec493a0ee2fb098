#pragma once

#include "core/settings.h"
#include "ui/body_map/body_map_state.h"
#include "ui/shell/feel_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The window-wide keys of core/shortcuts.h that belong to no panel:
// ? (shortcut overlay), Ctrl+, (settings), F / B / S (body map view). They act
// only while no text field has the focus and no dialog is open.
void handleFeelKeys(FeelState& feel, BodyMapState& map);

// Adds Settings… and Keyboard shortcuts to the end of the View menu; call
// inside the main menu bar.
void drawFeelMenuItems(FeelState& feel);

// In the menu bar while the sample database is shown: "Sample data — your own
// database is untouched" and a "Back to my database" button.
void drawSampleBanner(FeelState& feel, const Appearance& look);

// The settings window and the shortcut overlay, when open. Call once a
// frame, after the panels.
void drawFeelWindows(Settings& settings, FeelState& feel, ThemeKind& theme, BodyMapState& map,
                     const Appearance& look);

} // namespace knotmap::ui
