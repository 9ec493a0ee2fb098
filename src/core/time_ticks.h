#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Calendar-aware ticks for a time axis: ticks fall on local midnights, Monday
// week starts, month starts and year starts in the display's UTC offset, and
// the finest unit is chosen whose labels do not collide.
namespace knotmap {

// Candidate tick units, finest first.
enum class TimeUnit {
    Day,
    TwoDays,
    Week,
    TwoWeeks,
    Month,
    TwoMonths,
    Quarter,
    HalfYear,
    Year,
    TwoYears,
    FiveYears,
    TenYears,
};

[[nodiscard]] std::span<const TimeUnit> timeUnitsFineToCoarse();
[[nodiscard]] std::string_view displayName(TimeUnit unit);

// One labelled tick. Pixel positions are measured from the start of the axis.
struct TimeTick {
    std::int64_t utcSeconds = 0;
    std::string label;
    float x = 0.0f;         // where the tick line goes
    float labelLeft = 0.0f; // left edge of the label, kept inside the axis
    float labelWidth = 0.0f;
};

struct TimeTicks {
    TimeUnit unit = TimeUnit::Day;
    std::vector<TimeTick> ticks;
};

// Measures a label's width in pixels (ImGui::CalcTextSize in the widget).
using MeasureText = std::function<float(std::string_view)>;

struct TimeAxis {
    double t0 = 0.0; // visible span in UTC seconds, t0 < t1
    double t1 = 0.0;
    int utcOffsetMinutes = 0; // the offset the dates are shown in
    float lengthPixels = 0.0f;
    float minGapPixels = 12.0f; // the least space between two labels
};

// The finest unit whose labels, centred on their ticks (and pushed inside the
// axis at its ends), leave at least minGapPixels between neighbours. The
// first label carries the year only where it has room. If even the coarsest
// unit collides, its ticks are thinned so that none do.
[[nodiscard]] TimeTicks chooseTimeTicks(const TimeAxis& axis, const MeasureText& measure);

// The tick instants of one unit inside [t0, t1], increasing. Stops after
// maxCount ticks so a fine unit over a long span costs nothing.
[[nodiscard]] std::vector<std::int64_t> tickInstants(TimeUnit unit, double t0, double t1,
                                                     int utcOffsetMinutes,
                                                     std::size_t maxCount = 100000);

// The label for a tick: "14 Mar" for day units, "Mar" for month units and
// "2026" for years; showYear adds the year ("14 Mar 2026", "Jan 2027"), which
// chooseTimeTicks asks for on the first tick of each new year and, when it
// fits, on the axis's first tick.
[[nodiscard]] std::string tickLabel(TimeUnit unit, std::int64_t utcSeconds, int utcOffsetMinutes,
                                    bool showYear);

// A single instant for a tooltip, in local time: "Sat 14 Mar 2026".
[[nodiscard]] std::string formatInstant(std::int64_t utcSeconds, int utcOffsetMinutes);

} // namespace knotmap
