#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap {

// A calendar date and wall-clock time with no zone attached.
struct CivilDateTime {
    int year = 1970;
    int month = 1; // 1-12
    int day = 1;   // 1-31
    int hour = 0;
    int minute = 0;
    int second = 0;

    friend bool operator==(const CivilDateTime&, const CivilDateTime&) = default;
};

// The UTC offsets that exist in practice span -12:00 to +14:00; allow a margin.
inline constexpr int kMinUtcOffsetMinutes = -18 * 60;
inline constexpr int kMaxUtcOffsetMinutes = 18 * 60;

// An instant (seconds since the Unix epoch, UTC) together with the UTC offset
// that was in force where it was recorded. Sorting and charts use the UTC
// instant; display uses the local wall-clock time, so a user who travels still
// sees each session at the time of day it happened.
class LocalTimestamp {
public:
    LocalTimestamp() = default;
    LocalTimestamp(std::int64_t utcSeconds, int offsetMinutes);

    // The instant at which the given local wall-clock time occurred at offset.
    static LocalTimestamp fromLocal(const CivilDateTime& local, int offsetMinutes);
    // The current instant with the system's current local UTC offset.
    static LocalTimestamp now();
    // The system's UTC offset (in minutes) at the given instant, DST included.
    static int systemOffsetAt(std::int64_t utcSeconds);

    // Parses "2026-03-14T09:30:00+01:00", "...Z" or "...-05:30"; seconds optional.
    static std::optional<LocalTimestamp> parseIso8601(std::string_view text);

    [[nodiscard]] std::int64_t utcSeconds() const { return m_utcSeconds; }
    [[nodiscard]] int offsetMinutes() const { return m_offsetMinutes; }
    [[nodiscard]] CivilDateTime local() const;
    [[nodiscard]] CivilDateTime utc() const;
    // Local ISO 8601 with offset, e.g. "2026-03-14T09:30:00+01:00".
    [[nodiscard]] std::string toIso8601() const;
    // Local date only, e.g. "2026-03-14".
    [[nodiscard]] std::string localDate() const;

    friend bool operator==(const LocalTimestamp&, const LocalTimestamp&) = default;

private:
    std::int64_t m_utcSeconds = 0;
    int m_offsetMinutes = 0;
};

// How a wall-clock time without an offset fits the system's time zone.
enum class LocalTimeFit {
    Exact,   // the time happens once
    Gap,     // the clocks skipped it (spring forward)
    Overlap, // it happens twice (the clocks went back)
};

struct SystemLocalTime {
    LocalTimestamp at;
    LocalTimeFit fit = LocalTimeFit::Exact;
};

// The instant a wall-clock time names in the system's time zone (TZ), stored
// with the offset really in force at that instant, so nothing is ever stored
// with an offset the zone did not use (docs/csv-format.md, "Daylight saving"):
// - a time the clocks skipped is moved forward by the length of the skip, as
//   RFC 5545 and most calendar apps do: 2026-03-08 02:30 in New York becomes
//   03:30 EDT (-04:00). Times in the gap keep their order, and stay after
//   every time before it;
// - a time that happens twice is the first of the two, the earlier instant
//   (daylight time, where the clocks go back from it): 2026-11-01 01:30 in
//   New York is 01:30 EDT (-04:00), not EST.
[[nodiscard]] SystemLocalTime fromSystemLocal(const CivilDateTime& local);

// Civil calendar <-> days since 1970-01-01 (proleptic Gregorian).
[[nodiscard]] std::int64_t daysFromCivil(int year, int month, int day);
[[nodiscard]] CivilDateTime civilFromSeconds(std::int64_t seconds);
[[nodiscard]] std::int64_t secondsFromCivil(const CivilDateTime& civil);
[[nodiscard]] bool isValidCivil(const CivilDateTime& civil);

} // namespace knotmap
