#pragma once

#include <filesystem>

namespace knotmap::ui {

// The folder the last file or folder was chosen in, shared by every dialog's
// chooser for the run of the program: the next chooser starts there. Empty
// until something is chosen. The app may keep it between runs by reading it
// at exit and setting it at start; a folder that is gone by then is skipped
// when a chooser starts.
[[nodiscard]] std::filesystem::path lastChosenFolder();
void setLastChosenFolder(const std::filesystem::path& folder);

} // namespace knotmap::ui
