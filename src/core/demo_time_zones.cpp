#include "core/demo_time_zones.h"

#include <array>

namespace knotmap::demo_detail {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kDaylightMinutes = 60;

constexpr std::array<DemoZone, 3> kHomeZones{{
    {"Europe/London", 0, DaylightRule::EuropeanUnion},
    {"Europe/Berlin", 60, DaylightRule::EuropeanUnion},
    {"America/New_York", -300, DaylightRule::UnitedStates},
}};
constexpr DemoZone kTravelZone{"Asia/Tokyo", 540, DaylightRule::None};

// 0 Monday ... 6 Sunday; 1970-01-01 was a Thursday.
int weekdayOf(std::int64_t dayNumber) {
    const std::int64_t r = (dayNumber + 3) % 7;
    return static_cast<int>(r < 0 ? r + 7 : r);
}

// The day number of the n-th Sunday (1-based) of a month.
std::int64_t nthSunday(int year, int month, int n) {
    const std::int64_t first = daysFromCivil(year, month, 1);
    return first + (6 - weekdayOf(first)) + 7 * (n - 1);
}

std::int64_t lastSunday(int year, int month) {
    const int nextYear = month == 12 ? year + 1 : year;
    const int nextMonth = month == 12 ? 1 : month + 1;
    const std::int64_t last = daysFromCivil(nextYear, nextMonth, 1) - 1;
    return last - (weekdayOf(last) + 1) % 7;
}

// The UTC instants daylight time starts and ends in a year.
struct DaylightSpan {
    std::int64_t start = 0;
    std::int64_t end = 0;
};

DaylightSpan daylightSpan(const DemoZone& zone, int year) {
    if (zone.rule == DaylightRule::EuropeanUnion) {
        return {lastSunday(year, 3) * kSecondsPerDay + 3600,
                lastSunday(year, 10) * kSecondsPerDay + 3600};
    }
    // 02:00 local standard time to 02:00 local daylight time.
    const std::int64_t standard = std::int64_t{zone.standardOffsetMinutes} * 60;
    return {nthSunday(year, 3, 2) * kSecondsPerDay + 7200 - standard,
            nthSunday(year, 11, 1) * kSecondsPerDay + 7200 - standard - kDaylightMinutes * 60};
}

} // namespace

std::span<const DemoZone> demoHomeZones() {
    return kHomeZones;
}

const DemoZone& demoTravelZone() {
    return kTravelZone;
}

int offsetAt(const DemoZone& zone, std::int64_t utcSeconds) {
    if (zone.rule == DaylightRule::None) {
        return zone.standardOffsetMinutes;
    }
    // The local year is the UTC year here: no change falls near New Year.
    const DaylightSpan span = daylightSpan(zone, civilFromSeconds(utcSeconds).year);
    const bool daylight = utcSeconds >= span.start && utcSeconds < span.end;
    return zone.standardOffsetMinutes + (daylight ? kDaylightMinutes : 0);
}

LocalTimestamp localTimeIn(const DemoZone& zone, const CivilDateTime& local) {
    const std::int64_t wall = secondsFromCivil(local);
    const int standard = zone.standardOffsetMinutes;
    const int daylight = standard + (zone.rule == DaylightRule::None ? 0 : kDaylightMinutes);
    const auto instant = [wall](int offset) {
        return wall - std::int64_t{offset} * 60;
    };
    // Daylight first: where both fit (the hour the clocks go back) it names
    // the earlier instant, the first occurrence.
    for (const int offset : {daylight, standard}) {
        if (offsetAt(zone, instant(offset)) == offset) {
            return LocalTimestamp(instant(offset), offset);
        }
    }
    // Skipped: read with the standard offset, which lands the length of the
    // skip later, in daylight time.
    const std::int64_t moved = instant(standard);
    return LocalTimestamp(moved, offsetAt(zone, moved));
}

} // namespace knotmap::demo_detail
