#include "report/report_data.h"
#include "report/report_summary.h"
#include "report/report_tables.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::report;

namespace {

constexpr std::int64_t kDay = 86400;
// 2026-01-05 12:00 UTC.
constexpr std::int64_t kStart = 20458 * kDay + 12 * 3600;

ClientHistory threeDays() {
    ClientHistory history;
    for (int day = 0; day < 3; ++day) {
        history.sessions.push_back(
            {day + 1, LocalTimestamp(kStart + day * kDay, 60), SessionKind::SelfCheckIn, 5 - day});
        history.observations.push_back({static_cast<std::size_t>(day), 10, 6 - day, {}});
        history.treatments.push_back({static_cast<std::size_t>(day), 10, "heat", 6, 5});
    }
    history.knots.push_back({10, BodyView::Back, {0.4, 0.3}, "back.upper_trapezius.left", "", {}});
    return history;
}

} // namespace

TEST_CASE("restricting a history to dates keeps the sessions inside and re-indexes") {
    const ClientHistory restricted =
        restrictToRange(threeDays(), DateRange{std::string("2026-01-06"), std::nullopt});
    REQUIRE(restricted.sessions.size() == 2);
    CHECK(restricted.sessions[0].id == 2);
    REQUIRE(restricted.observations.size() == 2);
    CHECK(restricted.observations[0].session == 0);
    CHECK(restricted.observations[1].pain == 4);
    CHECK(restricted.treatments[1].session == 1);
    CHECK(restricted.knots.size() == 1);
}

TEST_CASE("dates compare in the session's own local time and both ends are inclusive") {
    // 2026-01-05 23:30 UTC is already 2026-01-06 at UTC+01:00.
    const LocalTimestamp lateEvening(20458 * kDay + 23 * 3600 + 1800, 60);
    CHECK(inRange(DateRange{std::string("2026-01-06"), std::string("2026-01-06")}, lateEvening));
    CHECK_FALSE(inRange(DateRange{std::nullopt, std::string("2026-01-05")}, lateEvening));
    CHECK(inRange(DateRange{}, lateEvening));
}

TEST_CASE("estimates print with a real minus sign and their interval") {
    CHECK(formatEstimate(std::nullopt) == "\u2013");
    CHECK(formatEstimate(MeanEstimate{1, -1.0, std::nullopt, std::nullopt}) == "\u22121.0, n = 1");
    CHECK(formatEstimate(MeanEstimate{12, -1.84, -2.41, 0.04}) ==
          "\u22121.8 (\u22122.4 to 0.0), n = 12");
}

TEST_CASE("the summary's overall pain compares the first stretch with the last, not two ratings") {
    // 90 days of daily ratings: 6 for a month, down to 2, back to 6. One
    // rating against one says "no change"; the report tells the relapse.
    std::vector<TimedRating> ratings;
    for (int day = 0; day < 90; ++day) {
        const double pain = day < 30 ? 6 : day < 45 ? 6 - (day - 30) * 4.0 / 15 : day < 60 ? 2 : 6;
        ratings.push_back({kStart + day * kDay, pain});
    }
    ReportData data;
    data.overallChange = rangeChange(ratings, latestSpan(ratings, 0.0));
    const std::string relapse = overallPainText(data);
    CAPTURE(relapse);
    CHECK(relapse.find("relapsed") != std::string::npos);
    CHECK(relapse.find("No change") == std::string::npos);

    // 1 -> 2 is one point: minimal, whatever the percentage.
    data.overallChange = rangeChange({{kStart, 1}, {kStart + kDay, 2}},
                                     latestSpan({{kStart, 1}, {kStart + kDay, 2}}, 0.0));
    const std::string small = overallPainText(data);
    CAPTURE(small);
    CHECK(small.rfind("Worse by 1 point, 100% (Minimal)", 0) == 0);
    CHECK(small.find("Substantial") == std::string::npos);
}
