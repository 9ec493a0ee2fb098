#pragma once

#include <filesystem>
#include <optional>

namespace knotmap {

struct GuiOptions {
    std::filesystem::path databasePath;
    // Test hook: render this many frames, then close the window and exit.
    std::optional<int> frameLimit;
};

// Opens the main window on the database; returns the process exit code
// (non-zero when the database could not be opened and the error was shown).
int runGui(const GuiOptions& options);

} // namespace knotmap
