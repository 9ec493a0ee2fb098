#pragma once

#include "ui/style/appearance.h"

#include <cstddef>
#include <string>

// What the charts share: colours derived from the theme palette, so light and
// dark themes both read well, and small drawing helpers.
namespace knotmap::ui {

struct ChartColours {
    ImU32 background = 0; // behind the plot; also the halo around markers
    ImU32 grid = 0;
    ImU32 axis = 0; // the baseline and the zero line
    ImU32 text = 0;
    ImU32 textMuted = 0;
    ImU32 crosshair = 0;
    ImU32 improvement = 0; // pain went down
    ImU32 worsening = 0;   // pain went up
    ImU32 whisker = 0;
    ImU32 hidden = 0; // legend entries and rows that are switched off or muted
};

[[nodiscard]] ChartColours chartColours(const Appearance& look);

// A colour for the index-th series, distinct from its neighbours, taken from
// the palette's text colours so it has contrast on the theme's background.
[[nodiscard]] ImVec4 seriesColour(const Palette& palette, std::size_t index);

[[nodiscard]] ImU32 toU32(ImVec4 colour, float alphaScale = 1.0f);

// Values with a fraction get one decimal, whole numbers none, and negative
// values a true minus sign so columns of numbers line up.
[[nodiscard]] std::string formatChartValue(double value);

// A polyline drawn as dashes of dash pixels separated by gap pixels; the
// pattern runs on across vertices so short segments still look dashed.
void drawDashedPolyline(ImDrawList* drawList, const ImVec2* points, int count, ImU32 colour,
                        float thickness, float dash, float gap);

// Text cut from the right with a trailing ellipsis to fit maxWidth in the
// current font.
[[nodiscard]] std::string elideRight(const std::string& text, float maxWidth);

} // namespace knotmap::ui
