#include "core/timestamp.h"
#include "zone_scope.h"

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

namespace {

using knotmap::fromSystemLocal;
using knotmap::LocalTimeFit;
using knotmap::testing::ZoneScope;

CivilDateTime at(int year, int month, int day, int hour, int minute) {
    return {year, month, day, hour, minute, 0};
}

std::string iso(const CivilDateTime& local) {
    return fromSystemLocal(local).at.toIso8601();
}

std::int64_t utc(const CivilDateTime& local) {
    return fromSystemLocal(local).at.utcSeconds();
}

// Every minute of a day around a change: the offset stored is the one the
// zone really used at that instant, and the local time shown is the one
// asked for, or (in the gap) the length of the gap later.
void checkEveryMinute(int year, int month, int day, int gapMinutes) {
    for (int minute = 0; minute < 24 * 60; ++minute) {
        const CivilDateTime wall = at(year, month, day, minute / 60, minute % 60);
        const auto result = fromSystemLocal(wall);
        CAPTURE(minute);
        CHECK(result.at.offsetMinutes() == LocalTimestamp::systemOffsetAt(result.at.utcSeconds()));
        const std::int64_t shown = knotmap::secondsFromCivil(result.at.local());
        const std::int64_t asked = knotmap::secondsFromCivil(wall);
        CHECK(shown - asked == (result.fit == LocalTimeFit::Gap ? gapMinutes * 60 : 0));
    }
}

} // namespace

TEST_CASE("daylight saving in New York: a skipped time moves forward by the gap, never back") {
    ZoneScope zone("America/New_York");
    // Clocks went from 02:00 EST to 03:00 EDT on 2026-03-08.
    CHECK(iso(at(2026, 3, 8, 1, 59)) == "2026-03-08T01:59:00-05:00");
    CHECK(fromSystemLocal(at(2026, 3, 8, 1, 59)).fit == LocalTimeFit::Exact);
    CHECK(iso(at(2026, 3, 8, 2, 0)) == "2026-03-08T03:00:00-04:00");
    CHECK(iso(at(2026, 3, 8, 2, 30)) == "2026-03-08T03:30:00-04:00");
    CHECK(fromSystemLocal(at(2026, 3, 8, 2, 30)).fit == LocalTimeFit::Gap);
    CHECK(iso(at(2026, 3, 8, 3, 0)) == "2026-03-08T03:00:00-04:00");
    CHECK(fromSystemLocal(at(2026, 3, 8, 3, 0)).fit == LocalTimeFit::Exact);
    // The bug this replaces stored 02:30 as 01:30 EST, before 01:59.
    CHECK(utc(at(2026, 3, 8, 1, 59)) < utc(at(2026, 3, 8, 2, 0)));
    CHECK(utc(at(2026, 3, 8, 2, 0)) < utc(at(2026, 3, 8, 2, 29)));
    CHECK(utc(at(2026, 3, 8, 2, 29)) < utc(at(2026, 3, 8, 2, 30)));
    CHECK(utc(at(2026, 3, 8, 2, 29)) < utc(at(2026, 3, 8, 3, 31)));
    CHECK(utc(at(2026, 3, 8, 2, 30)) == utc(at(2026, 3, 8, 3, 30)));
    checkEveryMinute(2026, 3, 8, 60);
}

TEST_CASE("daylight saving in New York: a time that happens twice is the first, daylight time") {
    ZoneScope zone("America/New_York");
    // Clocks went from 02:00 EDT back to 01:00 EST on 2026-11-01.
    CHECK(iso(at(2026, 11, 1, 0, 59)) == "2026-11-01T00:59:00-04:00");
    CHECK(iso(at(2026, 11, 1, 1, 0)) == "2026-11-01T01:00:00-04:00");
    CHECK(iso(at(2026, 11, 1, 1, 30)) == "2026-11-01T01:30:00-04:00");
    CHECK(fromSystemLocal(at(2026, 11, 1, 1, 30)).fit == LocalTimeFit::Overlap);
    CHECK(iso(at(2026, 11, 1, 2, 0)) == "2026-11-01T02:00:00-05:00");
    CHECK(fromSystemLocal(at(2026, 11, 1, 2, 0)).fit == LocalTimeFit::Exact);
    CHECK(utc(at(2026, 11, 1, 0, 59)) < utc(at(2026, 11, 1, 1, 30)));
    CHECK(utc(at(2026, 11, 1, 1, 30)) < utc(at(2026, 11, 1, 1, 59)));
    CHECK(utc(at(2026, 11, 1, 1, 59)) < utc(at(2026, 11, 1, 2, 0)));
    checkEveryMinute(2026, 11, 1, 0);
    // Ordinary days either side.
    CHECK(iso(at(2026, 1, 15, 9, 30)) == "2026-01-15T09:30:00-05:00");
    CHECK(iso(at(2026, 7, 1, 9, 30)) == "2026-07-01T09:30:00-04:00");
}

TEST_CASE("daylight saving in Berlin: the same rules at 02:00 to 03:00 CET/CEST") {
    ZoneScope zone("Europe/Berlin");
    // Spring forward on 2026-03-29: 02:00 CET became 03:00 CEST.
    CHECK(iso(at(2026, 3, 29, 1, 59)) == "2026-03-29T01:59:00+01:00");
    CHECK(iso(at(2026, 3, 29, 2, 30)) == "2026-03-29T03:30:00+02:00");
    CHECK(fromSystemLocal(at(2026, 3, 29, 2, 30)).fit == LocalTimeFit::Gap);
    CHECK(utc(at(2026, 3, 29, 1, 59)) < utc(at(2026, 3, 29, 2, 29)));
    CHECK(utc(at(2026, 3, 29, 2, 29)) < utc(at(2026, 3, 29, 3, 31)));
    checkEveryMinute(2026, 3, 29, 60);
    // Fall back on 2026-10-25: 03:00 CEST became 02:00 CET.
    CHECK(iso(at(2026, 10, 25, 2, 30)) == "2026-10-25T02:30:00+02:00");
    CHECK(fromSystemLocal(at(2026, 10, 25, 2, 30)).fit == LocalTimeFit::Overlap);
    CHECK(iso(at(2026, 10, 25, 3, 0)) == "2026-10-25T03:00:00+01:00");
    CHECK(utc(at(2026, 10, 25, 1, 59)) < utc(at(2026, 10, 25, 2, 0)));
    CHECK(utc(at(2026, 10, 25, 2, 59)) < utc(at(2026, 10, 25, 3, 0)));
    checkEveryMinute(2026, 10, 25, 0);
}

TEST_CASE("a zone without daylight saving fits every time exactly") {
    ZoneScope zone("UTC");
    CHECK(iso(at(2026, 3, 8, 2, 30)) == "2026-03-08T02:30:00+00:00");
    CHECK(fromSystemLocal(at(2026, 3, 8, 2, 30)).fit == LocalTimeFit::Exact);
}
