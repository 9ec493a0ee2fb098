#pragma once

#include "core/chart_scale.h"
#include "ui/style/appearance.h"

#include <optional>
#include <string>
#include <vector>

// A horizontal bar chart of mean changes with 95% confidence intervals, such
// as "mean change in pain per treatment kind". Bars grow from a zero line and
// are coloured by whether the change is an improvement.
namespace knotmap::ui {

struct BarRow {
    std::string label;
    // A treatment kind's vocabulary code: its glyph, in its colour
    // (core/treatment_style.h), is drawn before the label, as in the chart
    // keys. Empty for rows that are not treatment kinds.
    std::string kindCode;
    double value = 0.0;
    double ciLow = 0.0;
    double ciHigh = 0.0;
    int count = 0;      // n behind the mean
    bool muted = false; // too few to trust: drawn faded
};

struct BarChartInput {
    std::string title;
    std::vector<BarRow> rows;
    // Charts drawn side by side pass the same range (see sharedBarRange) so
    // their bars compare; without it the chart fits its own rows.
    std::optional<Interval> valueRange;
    bool lowerIsBetter = true; // for pain, a negative change is an improvement
    bool showRowLabels = true; // a second column beside the first may omit them
    bool showCounts = true;    // "(n)" after each row label
    std::string valueName = "Mean change";
    std::string emptyMessage = "Not enough data yet";
};

// The values and interval ends of rows, with zero always included.
[[nodiscard]] Interval barRange(const std::vector<BarRow>& rows);
// A range covering both charts' rows, widened to round numbers.
[[nodiscard]] Interval sharedBarRange(const std::vector<BarRow>& first,
                                      const std::vector<BarRow>& second);

// Draws the chart filling size (a zero or negative component takes the
// available space) and returns the index of the hovered row, if any.
std::optional<std::size_t> barChart(const char* id, const BarChartInput& input, ImVec2 size,
                                    const Appearance& look);

} // namespace knotmap::ui
