#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The one line a long command shows on the terminal while it works, e.g.
//   Exporting  ████████░░░░  62%  4,210 of 6,800 sessions
// Pure text: app/terminal_progress.h decides when and where it is drawn.
namespace knotmap {

// What has been done of what, in a unit people count ("sessions", "rows").
struct ProgressCounts {
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::string_view unit;
};

struct ProgressLineStyle {
    // The terminal's width in columns. The line stays at least one column
    // short of it, so the cursor never wraps onto a new line and a redraw
    // after \r overwrites the whole of it.
    int columns = 80;
    // Block characters (█ ░) for a UTF-8 terminal, else # and - .
    bool unicode = true;
};

// "4210" -> "4,210"; negative numbers keep their sign.
[[nodiscard]] std::string groupedThousands(std::int64_t number);

// The line for label at fraction (clamped to 0..1; NaN counts as 0) with the
// counts when given. The percentage is rounded down, so 100% means done.
// What does not fit is left out in this order: the bar shrinks (to 10
// columns), then the counts go, then the bar, then the label is cut.
[[nodiscard]] std::string progressLine(std::string_view label, double fraction,
                                       const std::optional<ProgressCounts>& counts,
                                       const ProgressLineStyle& style = {});

// The fraction counts stand for: done / total, 1 when total is 0 (nothing
// to do is all done), clamped to 0..1.
[[nodiscard]] double progressFraction(const ProgressCounts& counts);

} // namespace knotmap
