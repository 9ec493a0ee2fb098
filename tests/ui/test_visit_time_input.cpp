#include "ui/front_desk/visit_time_input.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

using namespace knotmap;
using namespace knotmap::ui;

namespace {

// The tests read wall-clock times in a zone without daylight saving; the
// zone in force before comes back after each.
class UtcZone {
public:
    UtcZone() {
        const char* saved = std::getenv("TZ");
        m_saved = saved != nullptr ? std::optional<std::string>(saved) : std::nullopt;
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~UtcZone() {
        if (m_saved) {
            setenv("TZ", m_saved->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    UtcZone(const UtcZone&) = delete;
    UtcZone& operator=(const UtcZone&) = delete;

private:
    std::optional<std::string> m_saved;
};

} // namespace

TEST_CASE("a booking's date and time are read as the wall clock's") {
    const UtcZone zone;
    const VisitTimeInput input = parseVisitTime("2026-12-07", "9:05");
    REQUIRE(input.at.has_value());
    CHECK(input.problem.empty());
    CHECK(input.at->toIso8601() == "2026-12-07T09:05:00+00:00");
    CHECK(parseVisitTime("2026-12-07", "23:59").at.has_value());
}

TEST_CASE("a booking's date or time that does not read as one says how to write it") {
    const UtcZone zone;
    for (const char* date : {"", "7.12.2026", "2026-02-30", "2026-12-7"}) {
        const VisitTimeInput input = parseVisitTime(date, "10:30");
        CHECK_FALSE(input.at.has_value());
        CHECK(input.problem.rfind("Date: write it as YYYY-MM-DD", 0) == 0);
    }
    for (const char* time : {"", "24:00", "10:60", "10.30", "1030", "10:3", "-1:30", "10:30pm"}) {
        const VisitTimeInput input = parseVisitTime("2026-12-07", time);
        CAPTURE(time);
        CHECK_FALSE(input.at.has_value());
        CHECK(input.problem == "Time: write it as HH:MM on the 24-hour clock, e.g. 14:30.");
    }
}

TEST_CASE("the booking form starts at the next whole hour on the local clock, never in the past") {
    const UtcZone zone;
    for (const char* where : {"UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"}) {
        setenv("TZ", where, 1);
        tzset();
        const std::int64_t before = LocalTimestamp::now().utcSeconds();
        const VisitTimeText next = nextWholeHour();
        const VisitTimeInput input = parseVisitTime(next.date, next.time);
        CAPTURE(where);
        CAPTURE(next.date);
        CAPTURE(next.time);
        REQUIRE(input.at.has_value());
        CHECK(input.at->utcSeconds() > before);
        CHECK(input.at->utcSeconds() <= before + 3600);
        CHECK(input.at->local().minute == 0);
    }
}

TEST_CASE("a booking at a time gone by is allowed, with a quiet note saying so") {
    const UtcZone zone;
    const VisitTimeInput input = parseVisitTime("2026-12-07", "10:00");
    REQUIRE(input.at.has_value());
    const std::int64_t at = input.at->utcSeconds();
    CHECK(visitTimePassedNote(input, at + 60) ==
          "This time has passed; book it anyway to record a visit already made.");
    CHECK(visitTimePassedNote(input, at).empty());
    CHECK(visitTimePassedNote(input, at - 3600).empty());
    CHECK(visitTimePassedNote(parseVisitTime("2026-12-07", "25:00"), at + 60).empty());
    const VisitTimeText next = nextWholeHour();
    CHECK(visitTimePassedNote(parseVisitTime(next.date, next.time),
                              LocalTimestamp::now().utcSeconds())
              .empty());
}
