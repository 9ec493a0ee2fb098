#pragma once

#include <imgui.h>

#include <optional>
#include <utility>

namespace knotmap::ui {

// What the settings window, the shortcut overlay and the window-wide keys
// remember between frames (the settings themselves are
// MainScreenState::settings).
struct FeelState {
    bool settingsOpen = false;  // View > Settings… or Ctrl+,
    bool shortcutsOpen = false; // ? or View > Keyboard shortcuts
    // Set by any panel that changes MainScreenState::settings; the app saves
    // the file and clears it (app/settings_keeper.h).
    bool settingsChanged = false;
    // The window shows the sample database (a banner says so); the app
    // switches back to the user's own when backToOwnDatabase is set.
    bool showingSample = false;
    bool backToOwnDatabase = false;
    // Where "Back to my database" was drawn this frame, for --test-report.
    std::optional<std::pair<ImVec2, ImVec2>> backButtonRect;
};

} // namespace knotmap::ui
