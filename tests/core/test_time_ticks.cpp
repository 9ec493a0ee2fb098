#include "core/time_ticks.h"
#include "core/timestamp.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>

using namespace knotmap;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr float kCharWidth = 7.0f;

// The widget measures with ImGui; a fixed width per character is enough to
// exercise the overlap rule deterministically.
float measureFixed(std::string_view text) {
    return static_cast<float>(text.size()) * kCharWidth;
}

// The UTC instant of a local wall-clock time at the given offset.
double localTime(int year, int month, int day, int offsetMinutes, int hour = 0) {
    return static_cast<double>(secondsFromCivil({year, month, day, hour, 0, 0}) -
                               std::int64_t{offsetMinutes} * 60);
}

CivilDateTime localCivil(std::int64_t utcSeconds, int offsetMinutes) {
    return civilFromSeconds(utcSeconds + std::int64_t{offsetMinutes} * 60);
}

TimeTicks ticksFor(double t0, double t1, int offsetMinutes, float width) {
    return chooseTimeTicks({t0, t1, offsetMinutes, width, 12.0f}, measureFixed);
}

bool isOneOf(TimeUnit unit, std::initializer_list<TimeUnit> units) {
    return std::find(units.begin(), units.end(), unit) != units.end();
}

struct Span {
    double t0;
    double t1;
};

// Spans from a few days to a decade, starting at awkward times of day.
std::vector<Span> sampleSpans(int offsetMinutes) {
    const double start = localTime(2026, 3, 14, offsetMinutes, 9) + 1234.0;
    std::vector<Span> spans;
    for (const double days : {3.0, 10.0, 17.5, 45.0, 92.0, 200.0, 400.0, 730.0, 1826.0, 3700.0}) {
        spans.push_back({start, start + days * kDay});
    }
    // Across a leap day and a year boundary.
    spans.push_back(
        {localTime(2027, 12, 20, offsetMinutes, 15), localTime(2028, 3, 9, offsetMinutes)});
    return spans;
}

} // namespace

TEST_CASE("time ticks: the unit suits the span") {
    const int offset = 60;
    const double start = localTime(2026, 3, 14, offset, 9);
    const auto unitFor = [&](double days, float width) {
        return ticksFor(start, start + days * kDay, offset, width).unit;
    };
    CHECK(unitFor(10, 800) == TimeUnit::Day);
    CHECK(isOneOf(unitFor(10, 500), {TimeUnit::Day, TimeUnit::TwoDays}));
    CHECK(isOneOf(unitFor(92, 800), {TimeUnit::Week, TimeUnit::TwoWeeks, TimeUnit::Month}));
    CHECK(unitFor(92, 1200) == TimeUnit::Week);
    CHECK(isOneOf(unitFor(730, 800), {TimeUnit::Month, TimeUnit::TwoMonths, TimeUnit::Quarter}));
    CHECK(unitFor(730, 1200) == TimeUnit::Month);
    CHECK(unitFor(1826, 500) == TimeUnit::Year);
    CHECK(isOneOf(unitFor(1826, 300), {TimeUnit::Year, TimeUnit::TwoYears}));
}

TEST_CASE(
    "time ticks: every unit's ticks increase, stay inside the span and sit on local midnights") {
    for (const int offset : {60, -300}) {
        for (const Span& span : sampleSpans(offset)) {
            for (const TimeUnit unit : timeUnitsFineToCoarse()) {
                const std::vector<std::int64_t> ticks =
                    tickInstants(unit, span.t0, span.t1, offset);
                for (std::size_t i = 0; i < ticks.size(); ++i) {
                    CHECK(static_cast<double>(ticks[i]) >= span.t0);
                    CHECK(static_cast<double>(ticks[i]) <= span.t1);
                    const CivilDateTime local = localCivil(ticks[i], offset);
                    CHECK(local.hour == 0);
                    CHECK(local.minute == 0);
                    CHECK(local.second == 0);
                    if (i > 0) {
                        CHECK(ticks[i] > ticks[i - 1]);
                    }
                }
            }
        }
    }
}

TEST_CASE("time ticks: weeks start on Monday, months on the 1st, quarters and years in January") {
    for (const int offset : {60, -300}) {
        const double t0 = localTime(2026, 11, 3, offset, 17);
        const double t1 = t0 + 800.0 * kDay;
        for (const std::int64_t tick : tickInstants(TimeUnit::Week, t0, t1, offset)) {
            CHECK(formatInstant(tick, offset).substr(0, 3) == "Mon");
        }
        const std::vector<std::int64_t> twoWeeks = tickInstants(TimeUnit::TwoWeeks, t0, t1, offset);
        for (std::size_t i = 1; i < twoWeeks.size(); ++i) {
            CHECK(twoWeeks[i] - twoWeeks[i - 1] == 14 * kDay);
        }
        for (const TimeUnit unit : {TimeUnit::Month, TimeUnit::TwoMonths, TimeUnit::Quarter,
                                    TimeUnit::HalfYear, TimeUnit::Year}) {
            const std::vector<std::int64_t> ticks = tickInstants(unit, t0, t1, offset);
            CHECK(!ticks.empty());
            for (const std::int64_t tick : ticks) {
                const CivilDateTime local = localCivil(tick, offset);
                CHECK(local.day == 1);
                if (unit == TimeUnit::Quarter) {
                    CHECK((local.month - 1) % 3 == 0);
                }
                if (unit == TimeUnit::Year) {
                    CHECK(local.month == 1);
                }
            }
        }
        const std::vector<std::int64_t> months = tickInstants(TimeUnit::Month, t0, t1, offset);
        CHECK(localCivil(months.front(), offset).month == 12);
        CHECK(months.size() == 26);
    }
}

TEST_CASE("time ticks: days cross a leap day and a year boundary") {
    const int offset = -300;
    const std::vector<std::int64_t> leap = tickInstants(
        TimeUnit::Day, localTime(2028, 2, 27, offset, 6), localTime(2028, 3, 2, offset, 6), offset);
    REQUIRE(leap.size() == 4);
    CHECK(tickLabel(TimeUnit::Day, leap[0], offset, false) == "28 Feb");
    CHECK(tickLabel(TimeUnit::Day, leap[1], offset, false) == "29 Feb");
    CHECK(tickLabel(TimeUnit::Day, leap[2], offset, false) == "1 Mar");
    for (std::size_t i = 1; i < leap.size(); ++i) {
        CHECK(leap[i] - leap[i - 1] == kDay);
    }

    const TimeTicks newYear =
        ticksFor(localTime(2026, 12, 29, 60, 12), localTime(2027, 1, 3, 60, 12), 60, 1000.0f);
    CHECK(newYear.unit == TimeUnit::Day);
    std::vector<std::string> labels;
    for (const TimeTick& tick : newYear.ticks) {
        labels.push_back(tick.label);
    }
    CHECK(labels ==
          std::vector<std::string>{"30 Dec 2026", "31 Dec", "1 Jan 2027", "2 Jan", "3 Jan"});
}

TEST_CASE("time ticks: the first label drops its year rather than crowd its neighbour") {
    // Thirteen weekly ticks on 800 px: "16 Mar 2026" would touch "23 Mar".
    const double start = localTime(2026, 3, 14, 60, 9);
    const TimeTicks ticks = ticksFor(start, start + 92 * kDay, 60, 800.0f);
    REQUIRE(ticks.unit == TimeUnit::Week);
    CHECK(ticks.ticks.front().label == "16 Mar");
    const TimeTicks wide = ticksFor(start, start + 92 * kDay, 60, 1200.0f);
    CHECK(wide.ticks.front().label == "16 Mar 2026");
}

TEST_CASE("time ticks: month labels show the year on the first tick and in January") {
    const TimeTicks ticks =
        ticksFor(localTime(2026, 10, 20, 0), localTime(2027, 3, 20, 0), 0, 400.0f);
    CHECK(ticks.unit == TimeUnit::Month);
    std::vector<std::string> labels;
    for (const TimeTick& tick : ticks.ticks) {
        labels.push_back(tick.label);
    }
    CHECK(labels == std::vector<std::string>{"Nov 2026", "Dec", "Jan 2027", "Feb", "Mar"});
    CHECK(tickLabel(TimeUnit::Year, ticks.ticks[2].utcSeconds, 0, false) == "2027");
}

TEST_CASE("time ticks: labels never overlap from 200 to 2000 pixels") {
    const float gap = 12.0f;
    for (const int offset : {60, -300}) {
        for (const Span& span : sampleSpans(offset)) {
            for (float width = 200.0f; width <= 2000.0f; width += 50.0f) {
                const TimeTicks result = ticksFor(span.t0, span.t1, offset, width);
                CHECK(!result.ticks.empty());
                for (std::size_t i = 0; i < result.ticks.size(); ++i) {
                    const TimeTick& tick = result.ticks[i];
                    CHECK(tick.labelWidth == measureFixed(tick.label));
                    CHECK(tick.labelLeft >= 0.0f);
                    CHECK(tick.labelLeft + tick.labelWidth <= width + 0.01f);
                    CHECK(static_cast<double>(tick.utcSeconds) >= span.t0);
                    CHECK(static_cast<double>(tick.utcSeconds) <= span.t1);
                    if (i > 0) {
                        const TimeTick& before = result.ticks[i - 1];
                        CHECK(tick.utcSeconds > before.utcSeconds);
                        CHECK(tick.labelLeft >=
                              before.labelLeft + measureFixed(before.label) + gap - 0.01f);
                    }
                }
            }
        }
    }
}

TEST_CASE("time ticks: a narrower axis never gets more ticks than a wider one") {
    for (const int offset : {60, -300}) {
        for (const Span& span : sampleSpans(offset)) {
            std::size_t previous = 0;
            for (float width = 150.0f; width <= 2400.0f; width += 25.0f) {
                const std::size_t count = ticksFor(span.t0, span.t1, offset, width).ticks.size();
                CHECK(count >= previous);
                previous = count;
            }
        }
    }
}

TEST_CASE("time ticks: a tooltip date names the local weekday") {
    const double morning = localTime(2026, 3, 14, 60, 9);
    CHECK(formatInstant(static_cast<std::int64_t>(morning), 60) == "Sat 14 Mar 2026");
    // 23:30 UTC is still Saturday evening at -05:00 but already Sunday at +01:00.
    const auto lateUtc = static_cast<std::int64_t>(localTime(2026, 3, 14, 0, 23) + 1800);
    CHECK(formatInstant(lateUtc, -300) == "Sat 14 Mar 2026");
    CHECK(formatInstant(lateUtc, 60) == "Sun 15 Mar 2026");
    CHECK(formatInstant(static_cast<std::int64_t>(localTime(2028, 2, 29, 0)), 0) ==
          "Tue 29 Feb 2028");
}

TEST_CASE("time ticks: an empty or reversed span has no ticks") {
    CHECK(ticksFor(1000.0, 1000.0, 0, 800.0f).ticks.empty());
    CHECK(ticksFor(5000.0, 1000.0, 0, 800.0f).ticks.empty());
    CHECK(ticksFor(0.0, 30.0 * kDay, 0, 0.0f).ticks.empty());
}
