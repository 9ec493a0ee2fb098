#pragma once

#include "ui/charts/chart_glyphs.h"
#include "ui/style/appearance.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// A chart of values over time (pain, counts) drawn on ImDrawList, with
// calendar-aware date ticks, a hover crosshair, drag to pan, wheel to zoom,
// double-click to reset and a legend that toggles series. Markers (such as
// treatments) sit in a thin strip under the plot, never on the lines.
namespace knotmap::ui {

enum class SeriesStyle { Line, Points, LineAndPoints };

struct ChartPoint {
    double t = 0.0; // UTC seconds
    double value = 0.0;
};

struct ChartSeries {
    std::string name; // also the key for hiding it, so unique within a chart
    ImVec4 colour{0, 0, 0, 1};
    std::vector<ChartPoint> points; // sorted by t
    SeriesStyle style = SeriesStyle::LineAndPoints;
    bool trend = false; // a smoothed trend: thin and dashed, behind the data
};

// Something that happened at a moment, such as a treatment. Drawn at its
// time in a strip under the plot: on the plot, a run of markers would hide
// the line they mark.
struct ChartMarker {
    double t = 0.0; // UTC seconds
    Glyph glyph = Glyph::Circle;
    ImVec4 colour{0, 0, 0, 1};
    // Drawn hollow: related to the chart only indirectly, such as a
    // whole-session treatment on one knot's chart.
    bool outlined = false;
    std::string tooltip;
};

// A horizontal stripe behind the data, for example the severe pain range.
struct ReferenceBand {
    double lo = 0.0;
    double hi = 0.0;
    ImVec4 colour{0, 0, 0, 0.1f};
    std::string label; // drawn at the band's right end; may be empty
};

struct TimeChartInput {
    std::vector<ChartSeries> series;
    std::vector<ChartMarker> markers;
    std::vector<ReferenceBand> bands;
    int utcOffsetMinutes = 0; // dates are shown in this offset
    double yMin = 0.0;
    double yMax = 10.0;
    std::string yLabel = "Pain (0-10)";
    std::string emptyMessage = "Nothing logged yet";
    // The window shown until the user pans or zooms, and after a double-click:
    // the latest this many seconds of the data; 0 shows all of it.
    double defaultSpanSeconds = 0.0;
};

// Held by the caller between frames.
struct TimeChartState {
    double viewStart = 0.0; // the visible window, UTC seconds
    double viewEnd = 0.0;
    // While false the window follows the data's full span, so new entries
    // appear; zooming or panning sets it, a double-click clears it.
    bool userAdjusted = false;
    std::set<std::string, std::less<>> hiddenSeries;

    [[nodiscard]] bool isHidden(std::string_view name) const;
    void toggle(std::string_view name);
};

struct TimeChartHover {
    double t = 0.0;                         // time under the cursor, UTC seconds
    double value = 0.0;                     // y value under the cursor
    std::optional<std::size_t> markerIndex; // into TimeChartInput::markers
};

// Draws the chart filling size (a zero or negative component takes the
// available space) and returns what is under the cursor, if the plot is hovered.
std::optional<TimeChartHover> timeChart(const char* id, const TimeChartInput& input,
                                        TimeChartState& state, ImVec2 size, const Appearance& look);

} // namespace knotmap::ui
