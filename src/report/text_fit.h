#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Fitting text into table cells: wrapping at spaces, breaking words too long
// for a line, and truncating with an ellipsis. Widths come from a measure
// function (the PDF font's metrics in the report, a fake in tests).
namespace knotmap::report {

using MeasureWidth = std::function<double(std::string_view)>;

// For wrapText: as many lines as the text needs, never an ellipsis.
inline constexpr int kUnlimitedLines = 1 << 30;

// Words of text wrapped into lines no wider than maxWidth. Line breaks in the
// text become spaces: a table cell reads better as one paragraph. A word wider
// than a line is broken between UTF-8 characters. When the text needs more
// than maxLines lines, the last one ends with ellipsis (truncated to fit).
// maxLines < 1 is treated as 1; empty text gives no lines.
[[nodiscard]] std::vector<std::string> wrapText(std::string_view text, double maxWidth,
                                                int maxLines, const MeasureWidth& measure,
                                                std::string_view ellipsis = "\u2026");

// text, or its longest prefix (whole UTF-8 characters) followed by ellipsis
// that fits in maxWidth.
[[nodiscard]] std::string truncateToWidth(std::string_view text, double maxWidth,
                                          const MeasureWidth& measure,
                                          std::string_view ellipsis = "\u2026");

} // namespace knotmap::report
