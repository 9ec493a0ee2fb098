#pragma once

#include "ui/appearance.h"

#include <string>

namespace knotmap::ui {

struct EmptyStateState {
    std::string command; // the demo command for this database, selectable as text
    bool copied = false; // the command was copied to the clipboard
};

// What the sessions pane shows while the database holds no clients yet: how
// to log the first knot, and an honest pointer to the sample data with the
// command for this database.
void drawEmptyState(const std::string& databasePath, EmptyStateState& state,
                    const Appearance& look);

} // namespace knotmap::ui
