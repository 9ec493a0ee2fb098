#pragma once

#include "ui/history_views.h"

namespace knotmap::ui {

// The tab row above the map pane: Body map, then the history views. Returns
// the tab to draw this frame (state.tab, changed by a click or Ctrl+1..7).
HistoryTab drawHistoryTabs(HistoryState& state, const Appearance& look);

// Draws the current history view (not the body map tab) for the client.
void drawHistoryView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look);

} // namespace knotmap::ui
