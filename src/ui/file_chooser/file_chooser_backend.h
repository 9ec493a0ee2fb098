#pragma once

#include "ui/file_chooser/file_chooser.h"

#include <memory>

namespace knotmap::ui {

enum class FileChooserBackend {
    DesktopPortal, // the desktop's own chooser, through the XDG portal
    BuiltIn,       // drawn by Knotmap: no session bus, or no portal on it
};

// Which chooser this desktop gets, found by asking the session bus now.
[[nodiscard]] FileChooserBackend detectFileChooserBackend();

// detectFileChooserBackend() asked once, at the first call, for the whole
// run: every dialog's chooser looks the same.
[[nodiscard]] FileChooserBackend fileChooserBackend();

// A chooser of the run's backend. The portal's wakes the window with
// glfwPostEmptyEvent() when its answer arrives.
[[nodiscard]] std::unique_ptr<FileChooser> makeFileChooser();

} // namespace knotmap::ui
