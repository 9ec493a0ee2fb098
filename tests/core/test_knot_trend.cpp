#include "core/history_builder.h"
#include "core/knot_trend.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace knotmap;
using namespace knotmap::test;

namespace {

// Knot 1 (left pec) rated 6, 4, 3 a week apart; knot 2 (left IT band) in
// between, with treatments of both kinds around them.
ClientHistory weeklyHistory() {
    HistoryBuilder builder;
    builder.knot(1, kPecMajorLeft).knot(2, kItBandLeft);
    builder.session(0).observe(1, 6).observe(2, 3);
    builder.treatKnot(1, "massage", 6, 4).treatSession("heat");
    builder.session(7, std::nullopt, 8).observe(2, 2).treatSession("stretching"); // knot 1 absent
    builder.session(7, std::nullopt, 9).observe(1, 4).treatKnot(2, "ice");
    builder.session(14).observe(1, 3).treatSession("bath", 5, 3);
    return builder.history();
}

} // namespace

TEST_SUITE("knot trend") {
    TEST_CASE("points are the knot's ratings with their sessions and times") {
        const KnotTrend trend = knotTrend(weeklyHistory(), 1);
        CHECK(trend.knotId == 1);
        REQUIRE(trend.points.size() == 3);
        CHECK(trend.points[0].utcSeconds == kDay0 + 9 * kHour);
        CHECK(trend.points[0].pain == 6);
        CHECK(trend.points[0].session == 0);
        CHECK(trend.points[1].utcSeconds == kDay0 + 7 * kDay + 9 * kHour);
        CHECK(trend.points[1].pain == 4);
        CHECK(trend.points[1].session == 2);
        CHECK(trend.points[2].utcSeconds == kDay0 + 14 * kDay + 9 * kHour);
        CHECK(trend.points[2].pain == 3);
        CHECK(trend.points[2].session == 3);
    }

    TEST_CASE("treatments are the knot's own and whole-session ones where it was seen") {
        const KnotTrend trend = knotTrend(weeklyHistory(), 1);
        REQUIRE(trend.treatments.size() == 3);
        CHECK(trend.treatments[0].kindCode == "massage");
        CHECK(trend.treatments[0].session == 0);
        CHECK(trend.treatments[0].utcSeconds == kDay0 + 9 * kHour);
        CHECK(trend.treatments[0].painBefore == 6);
        CHECK(trend.treatments[0].painAfter == 4);
        CHECK_FALSE(trend.treatments[0].wholeSession);
        CHECK(trend.treatments[1].kindCode == "heat");
        CHECK(trend.treatments[1].wholeSession);
        CHECK_FALSE(trend.treatments[1].painBefore.has_value());
        CHECK(trend.treatments[2].kindCode == "bath");
        CHECK(trend.treatments[2].session == 3);
        CHECK(trend.treatments[2].painBefore == 5);
        CHECK(trend.treatments[2].painAfter == 3);
        CHECK(trend.treatments[2].wholeSession);

        // Knot 2: its ice, and heat and stretching of its sessions; not the bath.
        const KnotTrend other = knotTrend(weeklyHistory(), 2);
        REQUIRE(other.treatments.size() == 3);
        CHECK(other.treatments[0].kindCode == "heat");
        CHECK(other.treatments[1].kindCode == "stretching");
        CHECK(other.treatments[2].kindCode == "ice");
        CHECK_FALSE(other.treatments[2].wholeSession);
    }

    TEST_CASE("the smoothed line halves the weight of a week-old rating") {
        const KnotTrend trend = knotTrend(weeklyHistory(), 1);
        REQUIRE(trend.smoothed.size() == 3);
        CHECK(trend.smoothed[0].utcSeconds == trend.points[0].utcSeconds);
        CHECK(trend.smoothed[0].pain == doctest::Approx(6.0));
        // (0.5 * 6 + 4) / (0.5 + 1)
        CHECK(trend.smoothed[1].pain == doctest::Approx(14.0 / 3.0));
        // (0.25 * 6 + 0.5 * 4 + 3) / (0.25 + 0.5 + 1)
        CHECK(trend.smoothed[2].pain == doctest::Approx(26.0 / 7.0));
        CHECK(trend.smoothed[2].utcSeconds == trend.points[2].utcSeconds);
    }

    TEST_CASE("the half-life is a parameter") {
        const KnotTrend trend = knotTrend(weeklyHistory(), 1, 14.0);
        const double w = 0.70710678118654752; // 2^(-7/14)
        CHECK(trend.smoothed[1].pain == doctest::Approx((w * 6 + 4) / (w + 1)));
        CHECK(trend.smoothed[2].pain == doctest::Approx((w * w * 6 + w * 4 + 3) / (w * w + w + 1)));
    }

    TEST_CASE("first to latest change") {
        const KnotTrend trend = knotTrend(weeklyHistory(), 1);
        REQUIRE(trend.change.has_value());
        CHECK(trend.change->firstPain == 6);
        CHECK(trend.change->latestPain == 3);
        CHECK(trend.change->pointsChange == -3);
        CHECK(*trend.change->percentChange == doctest::Approx(-50.0));
        CHECK(*trend.change->band == PainChangeBand::Substantial);
    }

    TEST_CASE("a knot never observed or not in the history has an empty trend") {
        const ClientHistory empty;
        const KnotTrend none = knotTrend(empty, 1);
        CHECK(none.knotId == 1);
        CHECK(none.points.empty());
        CHECK(none.treatments.empty());
        CHECK(none.smoothed.empty());
        CHECK_FALSE(none.change.has_value());
        CHECK(knotTrend(weeklyHistory(), 99).points.empty());
        CHECK(knotTrend(weeklyHistory(), 99).treatments.empty());
    }

    TEST_CASE("one observation gives one point, its own smoothed value and no change") {
        HistoryBuilder builder;
        builder.knot(5, kItBandRight).session(3).observe(5, 7).treatKnot(5, "foam_roller");
        const KnotTrend trend = knotTrend(builder.history(), 5);
        REQUIRE(trend.points.size() == 1);
        CHECK(trend.points[0].pain == 7);
        REQUIRE(trend.smoothed.size() == 1);
        CHECK(trend.smoothed[0].pain == 7.0);
        CHECK_FALSE(trend.change.has_value());
        REQUIRE(trend.treatments.size() == 1);
        CHECK(trend.treatments[0].kindCode == "foam_roller");
    }

    TEST_CASE("a first rating of zero gives a change in points only") {
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft).session(0).observe(1, 0).session(1).observe(1, 4);
        const KnotTrend trend = knotTrend(builder.history(), 1);
        REQUIRE(trend.change.has_value());
        CHECK(trend.change->pointsChange == 4);
        CHECK_FALSE(trend.change->percentChange.has_value());
        CHECK(describePainChange(*trend.change) == "Worse by 4 points");
    }

    TEST_CASE("the smoother weighs ratings at the same instant equally") {
        const std::vector<double> smoothed = timeWeightedSmooth({100, 100, 100}, {4, 8, 3}, 7.0);
        REQUIRE(smoothed.size() == 3);
        CHECK(smoothed[0] == doctest::Approx(4.0));
        CHECK(smoothed[1] == doctest::Approx(6.0));
        CHECK(smoothed[2] == doctest::Approx(5.0));
    }

    TEST_CASE("after a long gap old ratings have faded") {
        // Four half-lives: the old 8 weighs 1/16.
        const std::vector<double> smoothed = timeWeightedSmooth({0, 28 * kDay}, {8, 0}, 7.0);
        CHECK(smoothed[1] == doctest::Approx(0.5 / (1.0 / 16.0 + 1.0)));
        CHECK(timeWeightedSmooth({}, {}, 7.0).empty());
    }

    TEST_CASE("the smoother rejects a bad half-life or mismatched input") {
        CHECK_THROWS_AS((void)timeWeightedSmooth({0}, {1}, 0.0), std::invalid_argument);
        CHECK_THROWS_AS((void)timeWeightedSmooth({0, 1}, {1}, 7.0), std::invalid_argument);
    }
}
