#include "core/calendar_day.h"
#include "core/timestamp.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("calendar day: YYYY-MM-DD of a real day, as days since 1970") {
    CHECK(parseCalendarDay("1970-01-01") == 0);
    CHECK(parseCalendarDay("2026-03-14") == daysFromCivil(2026, 3, 14));
    CHECK(parseCalendarDay("2028-02-29") == daysFromCivil(2028, 2, 29));
}

TEST_CASE("calendar day: anything else is none") {
    for (const char* text :
         {"", "2026-3-14", "2026/03/14", "2026-02-30", "2026-13-01", "2026-03-14 ", "14-03-2026",
          "2026-0a-14", "+026-03-14", "-026-03-14"}) {
        CAPTURE(text);
        CHECK_FALSE(parseCalendarDay(text).has_value());
    }
}
