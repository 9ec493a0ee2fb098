#pragma once

// Internal to the demo generator (demo_*.cpp); not part of the public API.

#include "core/demo_sites.h"
#include "core/timestamp.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace knotmap::demo_detail {

// Everyday triggers, in the order of their vocabulary codes
// (db/sqlite/002_seed_vocabularies.sql).
enum class Cause { Posture, Stress, Overuse, Injury, PoorSleep, Dehydration, StaticPosition };
inline constexpr std::size_t kCauseCount = 7;

[[nodiscard]] std::string_view causeCode(Cause cause);

// Which triggers happened on a day, indexed by Cause.
using Events = std::array<bool, kCauseCount>;

[[nodiscard]] inline bool has(const Events& events, Cause cause) {
    return events[static_cast<std::size_t>(cause)];
}

// Lifestyles bias where knots appear and what flares them. The order matches
// the lifestyle index that demo_text uses for occupations and notes.
enum class Lifestyle { Desk, Runner, Manual, Musician, Clencher, General };
inline constexpr std::size_t kLifestyleCount = 6;
inline constexpr std::size_t kAreaCount = 9;

[[nodiscard]] inline std::size_t areaIndex(BodyArea area) {
    return static_cast<std::size_t>(area);
}

struct LifestyleTraits {
    // Multiplies the muscles' charting weights, indexed by BodyArea.
    std::array<double, kAreaCount> areaWeight;
    double staticPosition; // daily chance on a weekday
    double posture;
    double overuse;
    double overuseWeekend;
    std::array<bool, kAreaCount> overuseAreas;
};

[[nodiscard]] const LifestyleTraits& traitsOf(Lifestyle lifestyle);

// One simulated day of a client's life.
struct DayInfo {
    std::int64_t dayNumber = 0; // days since 1970-01-01
    int weekday = 0;            // 0 = Monday
    CivilDateTime date;
    Events events{};
    bool abroad = false; // in the travel zone, away from the therapist
};

} // namespace knotmap::demo_detail
