#pragma once

#include "ui/style/appearance.h"

#include <optional>
#include <string>
#include <utility>

namespace knotmap::ui {

// The first-run welcome. The two actions are requests the app carries out:
// the sample data is written by app/sample_loader.h into a separate file.
struct EmptyStateState {
    bool dismissed = false;               // "Log your first knot": show the hint instead
    bool sampleRequested = false;         // "Load sample data"; the app clears it
    std::optional<double> sampleProgress; // 0-1 while the app writes the sample
    std::string sampleError;              // the last attempt's failure, naming the file
    // Where "Load sample data" was drawn this frame, for --test-report.
    std::optional<std::pair<ImVec2, ImVec2>> sampleButtonRect;
};

// What the sessions pane shows while the database holds no clients and no
// sessions: a welcome with "Log your first knot" and "Load sample data", or,
// once dismissed, the hint to click where it hurts. databasePath is the
// user's database, named so they know which file a first knot goes into.
void drawEmptyState(const std::string& databasePath, EmptyStateState& state,
                    const Appearance& look);

} // namespace knotmap::ui
