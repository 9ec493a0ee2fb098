#include "core/time_ticks.h"

#include "core/timestamp.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace knotmap {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::array<TimeUnit, 12> kUnits = {
    TimeUnit::Day,   TimeUnit::TwoDays,   TimeUnit::Week,      TimeUnit::TwoWeeks,
    TimeUnit::Month, TimeUnit::TwoMonths, TimeUnit::Quarter,   TimeUnit::HalfYear,
    TimeUnit::Year,  TimeUnit::TwoYears,  TimeUnit::FiveYears, TimeUnit::TenYears,
};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
// Monday first, matching the week ticks.
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b) {
    return a - floorDiv(a, b) * b;
}

// 1970-01-01 was a Thursday, day 3 of a Monday-first week.
int weekdayIndex(std::int64_t daysSinceEpoch) {
    return static_cast<int>(floorMod(daysSinceEpoch + 3, 7));
}

enum class Family { Days, Months, Years };

struct UnitRule {
    Family family;
    int period; // in days, months or years
};

UnitRule ruleFor(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Day:
        return {Family::Days, 1};
    case TimeUnit::TwoDays:
        return {Family::Days, 2};
    case TimeUnit::Week:
        return {Family::Days, 7};
    case TimeUnit::TwoWeeks:
        return {Family::Days, 14};
    case TimeUnit::Month:
        return {Family::Months, 1};
    case TimeUnit::TwoMonths:
        return {Family::Months, 2};
    case TimeUnit::Quarter:
        return {Family::Months, 3};
    case TimeUnit::HalfYear:
        return {Family::Months, 6};
    case TimeUnit::Year:
        return {Family::Years, 1};
    case TimeUnit::TwoYears:
        return {Family::Years, 2};
    case TimeUnit::FiveYears:
        return {Family::Years, 5};
    case TimeUnit::TenYears:
        return {Family::Years, 10};
    }
    return {Family::Days, 1};
}

// Ticks sit on a fixed grid (even day numbers, Mondays, Mondays of even
// weeks) so they stay put while the user pans instead of hopping about.
bool isOnDayGrid(std::int64_t day, int period) {
    switch (period) {
    case 2:
        return floorMod(day, 2) == 0;
    case 7:
        return weekdayIndex(day) == 0;
    case 14:
        return weekdayIndex(day) == 0 && floorMod(floorDiv(day + 3, 7), 2) == 0;
    default:
        return true;
    }
}

void dayInstants(int period, double local0, double local1, std::int64_t offsetSeconds,
                 std::size_t maxCount, std::vector<std::int64_t>& out) {
    const auto last = static_cast<std::int64_t>(std::floor(local1 / kSecondsPerDay));
    auto day = static_cast<std::int64_t>(std::ceil(local0 / kSecondsPerDay));
    while (day <= last && !isOnDayGrid(day, period)) {
        ++day;
    }
    for (; day <= last && out.size() < maxCount; day += period) {
        out.push_back(day * kSecondsPerDay - offsetSeconds);
    }
}

std::int64_t monthStart(std::int64_t monthIndex, std::int64_t offsetSeconds) {
    const auto year = static_cast<int>(floorDiv(monthIndex, 12));
    const auto month = static_cast<int>(floorMod(monthIndex, 12)) + 1;
    return daysFromCivil(year, month, 1) * kSecondsPerDay - offsetSeconds;
}

void monthInstants(int periodMonths, double t0, double t1, double local0,
                   std::int64_t offsetSeconds, std::size_t maxCount,
                   std::vector<std::int64_t>& out) {
    const CivilDateTime start = civilFromSeconds(static_cast<std::int64_t>(std::floor(local0)));
    std::int64_t index = std::int64_t{start.year} * 12 + (start.month - 1);
    if (static_cast<double>(monthStart(index, offsetSeconds)) < t0) {
        ++index;
    }
    index += floorMod(-index, periodMonths);
    for (; out.size() < maxCount; index += periodMonths) {
        const std::int64_t instant = monthStart(index, offsetSeconds);
        if (static_cast<double>(instant) > t1) {
            break;
        }
        out.push_back(instant);
    }
}

void setLabel(TimeTick& tick, std::string label, const TimeAxis& axis, const MeasureText& measure) {
    tick.label = std::move(label);
    tick.labelWidth = measure(tick.label);
    // A label at either end is pushed inside rather than cut off.
    tick.labelLeft = std::min(tick.x - tick.labelWidth / 2, axis.lengthPixels - tick.labelWidth);
    tick.labelLeft = std::max(tick.labelLeft, 0.0f);
}

bool isClearOf(const TimeTick& before, const TimeTick& after, float gap) {
    return after.labelLeft >= before.labelLeft + before.labelWidth + gap;
}

std::vector<TimeTick> layOut(TimeUnit unit, const std::vector<std::int64_t>& instants,
                             const TimeAxis& axis, const MeasureText& measure, float gap) {
    std::vector<TimeTick> ticks;
    ticks.reserve(instants.size());
    const double span = axis.t1 - axis.t0;
    int previousYear = 0;
    for (std::size_t i = 0; i < instants.size(); ++i) {
        const std::int64_t local = instants[i] + std::int64_t{axis.utcOffsetMinutes} * 60;
        const int year = civilFromSeconds(local).year;
        TimeTick tick;
        tick.utcSeconds = instants[i];
        tick.x = static_cast<float>((static_cast<double>(instants[i]) - axis.t0) / span *
                                    axis.lengthPixels);
        setLabel(
            tick,
            tickLabel(unit, instants[i], axis.utcOffsetMinutes, i == 0 || year != previousYear),
            axis, measure);
        ticks.push_back(std::move(tick));
        previousYear = year;
    }
    // The year on the first tick is context, not a year change: drop it
    // rather than let its longer label force a coarser unit.
    if (ticks.size() >= 2 && !isClearOf(ticks[0], ticks[1], gap)) {
        setLabel(ticks[0], tickLabel(unit, ticks[0].utcSeconds, axis.utcOffsetMinutes, false), axis,
                 measure);
    }
    return ticks;
}

bool labelsClear(const std::vector<TimeTick>& ticks, float gap) {
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        if (!isClearOf(ticks[i - 1], ticks[i], gap)) {
            return false;
        }
    }
    return true;
}

} // namespace

TimeTicks chooseTimeTicks(const TimeAxis& axis, const MeasureText& measure) {
    if (!(axis.lengthPixels > 0.0f) || !(axis.t1 > axis.t0)) {
        return {};
    }
    const float gap = std::max(axis.minGapPixels, 1.0f);
    // Every label needs at least the gap beside it, which bounds how many
    // ticks can possibly fit before any label is measured.
    const auto maxCount = static_cast<std::size_t>(axis.lengthPixels / gap) + 2;
    for (const TimeUnit unit : kUnits) {
        const std::vector<std::int64_t> instants =
            tickInstants(unit, axis.t0, axis.t1, axis.utcOffsetMinutes, maxCount + 1);
        if (instants.size() > maxCount) {
            continue;
        }
        std::vector<TimeTick> ticks = layOut(unit, instants, axis, measure, gap);
        if (labelsClear(ticks, gap)) {
            return {unit, std::move(ticks)};
        }
    }
    // Even decades collide on a tiny axis: keep every tick that has room.
    const TimeUnit coarsest = kUnits.back();
    const std::vector<TimeTick> all =
        layOut(coarsest, tickInstants(coarsest, axis.t0, axis.t1, axis.utcOffsetMinutes), axis,
               measure, gap);
    TimeTicks thinned{coarsest, {}};
    for (const TimeTick& tick : all) {
        if (thinned.ticks.empty() || isClearOf(thinned.ticks.back(), tick, gap)) {
            thinned.ticks.push_back(tick);
        }
    }
    return thinned;
}

std::span<const TimeUnit> timeUnitsFineToCoarse() {
    return kUnits;
}

std::string_view displayName(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Day:
        return "day";
    case TimeUnit::TwoDays:
        return "2 days";
    case TimeUnit::Week:
        return "week";
    case TimeUnit::TwoWeeks:
        return "2 weeks";
    case TimeUnit::Month:
        return "month";
    case TimeUnit::TwoMonths:
        return "2 months";
    case TimeUnit::Quarter:
        return "quarter";
    case TimeUnit::HalfYear:
        return "6 months";
    case TimeUnit::Year:
        return "year";
    case TimeUnit::TwoYears:
        return "2 years";
    case TimeUnit::FiveYears:
        return "5 years";
    case TimeUnit::TenYears:
        return "10 years";
    }
    return "day";
}

std::vector<std::int64_t> tickInstants(TimeUnit unit, double t0, double t1, int utcOffsetMinutes,
                                       std::size_t maxCount) {
    std::vector<std::int64_t> out;
    if (!std::isfinite(t0) || !std::isfinite(t1) || !(t1 > t0)) {
        return out;
    }
    const std::int64_t offsetSeconds = std::int64_t{utcOffsetMinutes} * 60;
    const double local0 = t0 + static_cast<double>(offsetSeconds);
    const double local1 = t1 + static_cast<double>(offsetSeconds);
    const UnitRule rule = ruleFor(unit);
    switch (rule.family) {
    case Family::Days:
        dayInstants(rule.period, local0, local1, offsetSeconds, maxCount, out);
        break;
    case Family::Months:
        monthInstants(rule.period, t0, t1, local0, offsetSeconds, maxCount, out);
        break;
    case Family::Years:
        // A year unit is a month unit twelve times as long, aligned to January.
        monthInstants(rule.period * 12, t0, t1, local0, offsetSeconds, maxCount, out);
        break;
    }
    return out;
}

std::string tickLabel(TimeUnit unit, std::int64_t utcSeconds, int utcOffsetMinutes, bool showYear) {
    const CivilDateTime local = civilFromSeconds(utcSeconds + std::int64_t{utcOffsetMinutes} * 60);
    const std::string year = std::to_string(local.year);
    const std::string month(kMonthNames[static_cast<std::size_t>(local.month - 1)]);
    switch (ruleFor(unit).family) {
    case Family::Days: {
        std::string label = std::to_string(local.day) + " " + month;
        return showYear ? label + " " + year : label;
    }
    case Family::Months:
        return showYear ? month + " " + year : month;
    case Family::Years:
        return year;
    }
    return year;
}

std::string formatInstant(std::int64_t utcSeconds, int utcOffsetMinutes) {
    const std::int64_t local = utcSeconds + std::int64_t{utcOffsetMinutes} * 60;
    const CivilDateTime civil = civilFromSeconds(local);
    const int weekday = weekdayIndex(floorDiv(local, kSecondsPerDay));
    return std::string(kWeekdayNames[static_cast<std::size_t>(weekday)]) + " " +
           std::to_string(civil.day) + " " +
           std::string(kMonthNames[static_cast<std::size_t>(civil.month - 1)]) + " " +
           std::to_string(civil.year);
}

} // namespace knotmap
