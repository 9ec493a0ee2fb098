#pragma once

#include "core/range_change.h"
#include "ui/history/history_state.h"
#include "ui/style/appearance.h"

#include <vector>

// The line over a history chart that says how pain changed across the period
// the chart shows (core/range_change.h): a headline in the strong font,
// coloured only for a moderate or substantial change, and what was compared.
namespace knotmap::ui {

// The period the chart shows: the preset's span up to the latest rating, or
// the window the user has panned or zoomed to.
[[nodiscard]] UtcRange shownRange(const std::vector<TimedRating>& ratings, RangePreset preset,
                                  const TimeChartState& chart);

// How wide the headline alone draws (its detail goes under it when the line
// is too short for both).
[[nodiscard]] float changeHeadlineWidth(const RangeChange& change, const Appearance& look);

// The headline and the muted detail, beside it or under it; hovering either
// explains the rule.
void drawChangeHeadline(const RangeChange& change, const Appearance& look);

// The headline on the line of the range chips when it fits there, else
// under them; returns where it starts, in screen coordinates.
ImVec2 drawChangeHeadlineAfterChips(const RangeChange& change, const Appearance& look);

} // namespace knotmap::ui
