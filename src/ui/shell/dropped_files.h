#pragma once

#include "ui/shell/main_screen.h"

#include <filesystem>
#include <vector>

namespace knotmap::ui {

// What a drop onto the window means: a CSV file or an export's folder
// opens the import dialog on it (checked at once); a database file asks to
// be opened; the five tables dropped together import their folder. Anything
// else is explained on the notice banner.
void routeDroppedPaths(const std::vector<std::filesystem::path>& paths, MainScreenState& state);

} // namespace knotmap::ui
