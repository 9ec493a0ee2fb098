#include "core/local_time_text.h"
#include "zone_scope.h"

#include <doctest/doctest.h>

using knotmap::localDateTimeText;
using knotmap::localDayMinuteText;
using knotmap::localMinuteOnDayText;
using knotmap::testing::ZoneScope;

namespace {
constexpr std::int64_t kDec3 = 1796306531; // 2026-12-03 14:02:11 UTC
constexpr std::int64_t kDec5 = 1796472000; // 2026-12-05 12:00:00 UTC
constexpr std::int64_t kMar7 = 1741338300; // 2025-03-07 09:05:00 UTC
} // namespace

TEST_CASE("local time text: the three ways an instant is shown, in the system's zone") {
    const ZoneScope zone("Europe/Berlin"); // UTC+1 in winter
    CHECK(localDateTimeText(kDec3) == "2026-12-03 15:02:11");
    CHECK(localDayMinuteText(kDec3, kDec5) == "3 Dec 15:02");
    CHECK(localMinuteOnDayText(kDec3) == "15:02 on 3 Dec 2026");
}

TEST_CASE("local time text: a day has no leading zero, and another year is named") {
    const ZoneScope zone("UTC");
    CHECK(localDayMinuteText(kMar7, kDec5) == "7 Mar 2025 09:05");
    CHECK(localMinuteOnDayText(kMar7) == "09:05 on 7 Mar 2025");
    CHECK(localDateTimeText(kMar7) == "2025-03-07 09:05:00");
}
