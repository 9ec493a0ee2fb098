#pragma once

#include "ui/history/history_views.h"

namespace knotmap::ui {

// The tab row above the map pane: Body map, then the history views. Returns
// the tab to draw this frame (state.tab, changed by a click or Ctrl+1..7).
// Where the seven tabs do not fit the width, a "View" combo takes their place.
HistoryTab drawHistoryTabs(HistoryState& state, const Appearance& look);

// The height the tab row takes, spacing below included.
[[nodiscard]] float historyTabRowHeight();
// Takes the tab row's height where there is no history yet (a new database
// before its first knot), so the map does not jump down when the tabs appear.
void drawHistoryTabsPlaceholder(const Appearance& look);

// Draws the current history view (not the body map tab) for the client.
void drawHistoryView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look);

} // namespace knotmap::ui
