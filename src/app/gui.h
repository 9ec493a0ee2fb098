#pragma once

#include "store/database_location.h"

#include <filesystem>
#include <optional>

namespace knotmap {

struct GuiOptions {
    DatabaseLocation database;
    // The file was chosen (--db, KNOTMAP_DB) rather than the default one: a
    // missing database there is created only after the window asks.
    bool askBeforeCreating = false;
    // Test hook: render this many frames, then close the window and exit.
    std::optional<int> frameLimit;
    // Test hook: keep this file up to date with where the body map is drawn
    // (app/test_report.h), so a test can click a known point on the body.
    std::optional<std::filesystem::path> testReport;
};

// Opens the main window on the database; returns the process exit code
// (non-zero when the database could not be opened and the error was shown).
int runGui(const GuiOptions& options);

} // namespace knotmap
