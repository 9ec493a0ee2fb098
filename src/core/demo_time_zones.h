#pragma once

#include "core/timestamp.h"

#include <cstdint>
#include <span>
#include <string_view>

// Where the demo's clients live, and the UTC offsets their sessions carry.
// The rules are computed here rather than read from the system's time zone
// database, so a seed and "now" give the same history on every machine
// whatever TZ says. They are the rules in force since 2007 (US) and 1996 (EU):
// - European Union (and the UK): summer time from the last Sunday of March to
//   the last Sunday of October, changing at 01:00 UTC;
// - United States: daylight time from the second Sunday of March to the first
//   Sunday of November, changing at 02:00 local time.
namespace knotmap::demo_detail {

enum class DaylightRule { None, EuropeanUnion, UnitedStates };

struct DemoZone {
    std::string_view name; // the zone it follows, for docs and tests
    int standardOffsetMinutes = 0;
    DaylightRule rule = DaylightRule::None;
};

// The home zones, handed out to clients in turn: London, Berlin, New York.
[[nodiscard]] std::span<const DemoZone> demoHomeZones();
// Where the travelling client goes: Tokyo (+09:00, no daylight saving).
[[nodiscard]] const DemoZone& demoTravelZone();

// The UTC offset in force in zone at the instant utcSeconds.
[[nodiscard]] int offsetAt(const DemoZone& zone, std::int64_t utcSeconds);

// The instant a wall-clock time names in zone, with the offset then in force.
// Like fromSystemLocal (timestamp.h): a time the clocks skipped moves forward
// by the skip, a time that happens twice is the first occurrence.
[[nodiscard]] LocalTimestamp localTimeIn(const DemoZone& zone, const CivilDateTime& local);

} // namespace knotmap::demo_detail
