#include "core/timestamp.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>

using knotmap::CivilDateTime;
using knotmap::LocalTimestamp;

TEST_CASE("a local time with its offset formats as ISO 8601 with the offset") {
    const auto t = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
    CHECK(t.toIso8601() == "2026-03-14T09:30:00+01:00");
    CHECK(t.utc() == CivilDateTime{2026, 3, 14, 8, 30, 0});
    CHECK(t.localDate() == "2026-03-14");
}

TEST_CASE("negative and half-hour offsets keep the local wall-clock time") {
    const auto newYork = LocalTimestamp::fromLocal({2026, 1, 2, 23, 15, 5}, -5 * 60);
    CHECK(newYork.toIso8601() == "2026-01-02T23:15:05-05:00");
    CHECK(newYork.utc() == CivilDateTime{2026, 1, 3, 4, 15, 5}); // next day in UTC

    const auto india = LocalTimestamp::fromLocal({2026, 6, 1, 0, 10, 0}, 5 * 60 + 30);
    CHECK(india.toIso8601() == "2026-06-01T00:10:00+05:30");
    CHECK(india.utc() == CivilDateTime{2026, 5, 31, 18, 40, 0}); // previous day in UTC
}

TEST_CASE("the same instant recorded in two zones sorts equal but displays differently") {
    // A traveller logs at 08:00 in London and the same instant is 09:00 in Berlin.
    const auto london = LocalTimestamp::fromLocal({2026, 11, 21, 8, 0, 0}, 0);
    const auto berlin = LocalTimestamp::fromLocal({2026, 11, 21, 9, 0, 0}, 60);
    CHECK(london.utcSeconds() == berlin.utcSeconds());
    CHECK(london.local().hour == 8);
    CHECK(berlin.local().hour == 9);
    CHECK_FALSE(london == berlin);
}

TEST_CASE("ISO 8601 parsing round-trips and accepts Z and a missing seconds field") {
    for (const char* text : {"2026-03-14T09:30:00+01:00", "1999-12-31T23:59:59-11:00",
                             "2024-02-29T12:00:00+14:00", "1970-01-01T00:00:00+00:00"}) {
        const auto parsed = LocalTimestamp::parseIso8601(text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->toIso8601() == text);
    }
    const auto zulu = LocalTimestamp::parseIso8601("2026-03-14T09:30:00Z");
    REQUIRE(zulu);
    CHECK(zulu->offsetMinutes() == 0);
    const auto noSeconds = LocalTimestamp::parseIso8601("2026-03-14T09:30+02:00");
    REQUIRE(noSeconds);
    CHECK(noSeconds->toIso8601() == "2026-03-14T09:30:00+02:00");
}

TEST_CASE("ISO 8601 parsing rejects impossible dates, times and offsets") {
    for (const char* text :
         {"", "2026-03-14", "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
          "2026-03-14T24:00:00Z", "2026-03-14T10:60:00Z", "2026-03-14T10:00:00",
          "2026-03-14T10:00:00+1:00", "2026-03-14T10:00:00+19:00", "2026-03-14T10:00:00+01:60",
          "2026-03-14T10:00:00Zjunk", "26-03-14T10:00:00Z", "2026/03/14T10:00:00Z"}) {
        CAPTURE(text);
        CHECK_FALSE(LocalTimestamp::parseIso8601(text).has_value());
    }
}

TEST_CASE("civil dates convert to and from epoch days across leap years and before 1970") {
    CHECK(knotmap::daysFromCivil(1970, 1, 1) == 0);
    CHECK(knotmap::daysFromCivil(2000, 3, 1) - knotmap::daysFromCivil(2000, 2, 28) == 2);
    CHECK(knotmap::daysFromCivil(1900, 3, 1) - knotmap::daysFromCivil(1900, 2, 28) == 1);
    CHECK(knotmap::civilFromSeconds(-1) == CivilDateTime{1969, 12, 31, 23, 59, 59});
    const CivilDateTime sample{2026, 11, 21, 5, 24, 18};
    CHECK(knotmap::civilFromSeconds(knotmap::secondsFromCivil(sample)) == sample);
}

TEST_CASE("offsets outside the range any zone uses are refused") {
    CHECK_THROWS_AS(LocalTimestamp(0, 19 * 60), std::invalid_argument);
    CHECK_NOTHROW(LocalTimestamp(0, -12 * 60));
}

TEST_CASE("the system offset reflects the TZ in force, daylight saving included") {
    // Only meaningful where the zone database is installed; UTC always works.
    const char* saved = std::getenv("TZ");
    const std::string previous = saved ? saved : "";
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK(LocalTimestamp::systemOffsetAt(1'700'000'000) == 0);
    setenv("TZ", "XYZ-3", 1); // POSIX rule: a fixed zone three hours east of UTC
    tzset();
    CHECK(LocalTimestamp::systemOffsetAt(1'700'000'000) == 180);
    if (saved) {
        setenv("TZ", previous.c_str(), 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
}
