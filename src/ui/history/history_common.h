#pragma once

#include "core/client_history.h"
#include "core/symptom_frequency.h"
#include "ui/history/history_state.h"
#include "ui/style/appearance.h"

#include <string>
#include <string_view>

// Pieces the history views share: the date-range chips, the waiting and
// empty messages, and the "Save PNG" button.
namespace knotmap::ui {

// The range a preset covers, ending at the client's latest session (so a
// history that stopped a while ago still shows its last months).
[[nodiscard]] UtcRange rangeFor(const ClientHistory& history, RangePreset preset);

// A row of chips: 30 days · 90 days · 1 year · All. Returns true on a change.
bool rangeChips(const char* id, RangePreset& preset, const Appearance& look);
// The length of a preset in seconds; 0 for All.
[[nodiscard]] double presetSeconds(RangePreset preset);

// "14 Aug – 12 Nov 2026" in the latest session's offset.
[[nodiscard]] std::string describeRange(const ClientHistory& history, UtcRange range);

// A muted line while a worker reads or computes, or the error it met.
void waitingMessage(const std::string& error, const Appearance& look);

// Puts the next item, width wide, on the line of the last item (spacing
// apart; negative: the style's) when it ends inside the pane, and returns
// true; else leaves it to start the next line, so a narrow pane wraps its
// controls instead of running them off the edge or over each other.
bool sameLineIfFits(float width, float spacing = -1.0f);
// The width of the "Save PNG…" button, for a view deciding what shares its line.
[[nodiscard]] float savePngWidth();

// The "Save PNG…" button at the trailing edge of the current line (of the
// next line where the last item leaves no room for it) with its
// popup asking for a file name. Once the popup closes, the view calls
// requestPng with the rectangle to save.
void savePngButton(HistoryState& state, const Appearance& look);
// The popup alone, for a button drawn elsewhere (the body map's toolbar):
// call every frame, with open true in the frame the button was clicked.
void savePngPopup(bool open, HistoryState& state, const Appearance& look);
// Asks the app to save the rectangle [min, max] if a file was chosen.
void requestPng(ImVec2 min, ImVec2 max, HistoryState& state);

// The view's title, in the strong font, with a muted subtitle beside it.
void viewTitle(std::string_view title, std::string_view subtitle, const Appearance& look);

} // namespace knotmap::ui
