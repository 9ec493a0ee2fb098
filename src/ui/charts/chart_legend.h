#pragma once

#include "ui/charts/chart_style.h"

#include <optional>
#include <string>
#include <vector>

// A clickable chart legend: one entry per series, laid out in rows that wrap,
// each entry a swatch in the series' style followed by its name.
namespace knotmap::ui {

struct LegendEntry {
    std::string name;
    ImVec4 colour{0, 0, 0, 1};
    bool line = true;
    bool points = true;
    bool dashed = false;
    bool hidden = false; // drawn muted
};

struct LegendLayout {
    std::vector<ImVec2> positions; // top-left of each entry, screen pixels
    std::vector<float> widths;
    float height = 0.0f;
};

// Places the entries from start, wrapping at right; rows start at start.x.
[[nodiscard]] LegendLayout layoutLegend(const std::vector<LegendEntry>& entries, ImVec2 start,
                                        float right, const Appearance& look);

// Draws the entries as buttons and returns the index of one clicked this frame.
std::optional<std::size_t> drawLegend(const std::vector<LegendEntry>& entries,
                                      const LegendLayout& layout, const ChartColours& colours,
                                      const Appearance& look);

} // namespace knotmap::ui
