#include "core/range_change.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace knotmap;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kStart = 20458 * kDay + 9 * 3600; // 2026-01-05 09:00 UTC
constexpr double kNinetyDays = 90.0 * kDay;

// One rating a day from day `from` to day `to` (inclusive), going linearly
// from painFrom to painTo, rounded to whole ratings as a person gives them.
void daily(std::vector<TimedRating>& ratings, int from, int to, double painFrom, double painTo) {
    for (int d = from; d <= to; ++d) {
        const double share = to == from ? 1.0 : static_cast<double>(d - from) / (to - from);
        const double pain = painFrom + (painTo - painFrom) * share;
        ratings.push_back({kStart + d * kDay, static_cast<double>(static_cast<int>(pain + 0.5))});
    }
}

} // namespace

TEST_SUITE("range change") {
    TEST_CASE("issue 12, case 1: a clear fall and relapse over the 90 days is not 'No change'") {
        // Half a year at 6 before the chart's 90 days, then within them: 6 for
        // two weeks, down to 2 by day 40, 2 for two weeks, back up to 6 by day 70.
        std::vector<TimedRating> ratings;
        daily(ratings, -180, -1, 6, 6);
        daily(ratings, 0, 14, 6, 6);
        daily(ratings, 15, 40, 6, 2);
        daily(ratings, 41, 55, 2, 2);
        daily(ratings, 56, 70, 2, 6);
        daily(ratings, 71, 89, 6, 6);
        // The old headline: first rating ever against the latest.
        CHECK(describePainChange(painChange(6, 6)) == "No change");

        const UtcRange shown = latestSpan(ratings, kNinetyDays);
        CHECK(shown.toUtc == kStart + 89 * kDay);
        CHECK(shown.fromUtc == kStart - kDay); // 90 days back from the latest rating
        const RangeChange change = rangeChange(ratings, shown);
        CHECK(change.ratings == 91);
        CHECK(change.windowDays == doctest::Approx(15.0));
        CHECK(change.baseline.mean == doctest::Approx(6.0));
        CHECK(change.recent.mean == doctest::Approx(6.0));
        CHECK(change.story == RangeStory::FellThenRelapsed);
        REQUIRE(change.turn.has_value());
        CHECK(change.turn->mean == doctest::Approx(2.0));
        CHECK(change.tone == ChangeTone::Worsening);
        const std::string headline = rangeHeadline(change);
        CHECK(headline == "Fell to 2, then relapsed: 6 \u2192 2 \u2192 6");
        CHECK(headline.find("No change") == std::string::npos);
        CHECK(rangeDetail(change) == "mean 6 over the first 15 days (16 ratings) \u2192 6 over "
                                     "the last 15 days (16 ratings)");
    }

    TEST_CASE("issue 12, case 2: pain 1 -> 2 is a minimal worsening, not a substantial one in "
              "red") {
        // The old headline.
        CHECK(describePainChange(painChange(1, 2)) != "Worse by 100% (Substantial)");
        CHECK(painChangeBand(1, 1) == PainChangeBand::Minimal);

        std::vector<TimedRating> ratings;
        daily(ratings, 0, 44, 1, 1);
        daily(ratings, 45, 89, 2, 2);
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, kNinetyDays));
        CHECK(change.story == RangeStory::Worse);
        CHECK(change.pointsChange == doctest::Approx(1.0));
        REQUIRE(change.band.has_value());
        CHECK(*change.band == PainChangeBand::Minimal);
        CHECK(change.tone == ChangeTone::Neutral); // not red
        CHECK(rangeHeadline(change) == "Worse by 1 point, 100% (Minimal)");

        // Two single ratings 1 and 2 (a fortnight apart) read the same way.
        const std::vector<TimedRating> two{{kStart, 1.0}, {kStart + 14 * kDay, 2.0}};
        const RangeChange pair = rangeChange(two, latestSpan(two, kNinetyDays));
        CHECK(pair.baseline.ratings == 1);
        CHECK(pair.recent.ratings == 1);
        CHECK(rangeHeadline(pair) == "Worse by 1 point, 100% (Minimal)");
        CHECK(pair.tone == ChangeTone::Neutral);
    }

    TEST_CASE("a real improvement is named and coloured, in points and percent") {
        std::vector<TimedRating> ratings;
        daily(ratings, 0, 14, 6, 6);
        daily(ratings, 15, 74, 6, 3);
        daily(ratings, 75, 89, 3, 4); // seven 3s, then eight 4s
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, kNinetyDays));
        CHECK(change.story == RangeStory::Better);
        CHECK(change.baseline.mean == doctest::Approx(6.0));
        // The range starts at the first rating (day 0), so it spans 89 days
        // and each end a sixth of that: days 74.2-89 hold 75-89.
        CHECK(change.windowDays == doctest::Approx(89.0 / 6.0));
        CHECK(change.recent.ratings == 15);
        CHECK(change.recent.mean == doctest::Approx(53.0 / 15.0));
        CHECK(change.tone == ChangeTone::Improvement);
        CHECK(*change.band == PainChangeBand::Moderate);
        CHECK(rangeHeadline(change) == "Better by 2.5 points, 41% (Moderate)");
    }

    TEST_CASE("one good day at the start does not make a worsening") {
        // 5s throughout, but the very first rating was a 2.
        std::vector<TimedRating> ratings;
        daily(ratings, 0, 89, 5, 5);
        ratings.front().pain = 2;
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, kNinetyDays));
        CHECK(describePainChange(painChange(2, 5)) == "Worse by 150% (Substantial)"); // old way
        CHECK(change.story == RangeStory::AboutTheSame);
        CHECK(change.tone == ChangeTone::Neutral);
        CHECK(rangeHeadline(change) == "About the same: 4.8 \u2192 5");
    }

    TEST_CASE("a flare between two alike ends is told, in neutral tone") {
        std::vector<TimedRating> ratings;
        daily(ratings, 0, 29, 3, 3);
        daily(ratings, 30, 50, 8, 8);
        daily(ratings, 51, 89, 3, 3);
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, kNinetyDays));
        CHECK(change.story == RangeStory::FlaredThenSettled);
        CHECK(change.tone == ChangeTone::Neutral);
        CHECK(rangeHeadline(change) == "Flared to 8, then settled: 3 \u2192 8 \u2192 3");
    }

    TEST_CASE("only the ratings inside the range count") {
        std::vector<TimedRating> ratings;
        daily(ratings, 0, 98, 8, 8);    // before the last 30 days
        daily(ratings, 100, 129, 4, 4); // the last 30 days: flat
        const RangeChange month = rangeChange(ratings, latestSpan(ratings, 30.0 * kDay));
        CHECK(month.story == RangeStory::AboutTheSame);
        CHECK(month.windowDays == doctest::Approx(7.0)); // a sixth of 30 days is under a week
        const RangeChange all = rangeChange(ratings, latestSpan(ratings, 0.0));
        CHECK(all.story == RangeStory::Better);
        CHECK(rangeHeadline(all) == "Better by 4 points, 50% (Substantial)");
    }

    TEST_CASE("from a baseline of 0 the change is in points, coloured from 2 points") {
        const std::vector<TimedRating> ratings{
            {kStart, 0.0}, {kStart + 30 * kDay, 2.0}, {kStart + 60 * kDay, 3.0}};
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, 0.0));
        CHECK_FALSE(change.percentChange.has_value());
        CHECK(rangeHeadline(change) == "Worse by 3 points (from 0)");
        CHECK(change.tone == ChangeTone::Worsening);
    }

    TEST_CASE("too few ratings, and the windows never overlap") {
        CHECK(rangeHeadline(rangeChange({}, {0, 100})) == "Not rated in this range");
        const std::vector<TimedRating> one{{kStart, 4.0}};
        CHECK(rangeHeadline(rangeChange(one, latestSpan(one, kNinetyDays))) ==
              "Rated once in this range");
        // Three ratings over three days: each end takes one day's ratings.
        const std::vector<TimedRating> three{
            {kStart, 6.0}, {kStart + kDay, 4.0}, {kStart + 3 * kDay, 3.0}};
        const RangeChange change = rangeChange(three, latestSpan(three, kNinetyDays));
        CHECK(change.windowDays == doctest::Approx(1.0));
        CHECK(change.baseline.ratings == 2); // day 0 and day 1
        CHECK(change.recent.ratings == 1);
        CHECK(rangeDetail(change) ==
              "mean 5 over the first 1 day (2 ratings) \u2192 3 over the last 1 day (1 rating)");
    }

    TEST_CASE("levels print with one decimal, without a trailing .0") {
        CHECK(formatLevel(6.0) == "6");
        CHECK(formatLevel(5.75) == "5.8");
        CHECK(formatLevel(0.04) == "0");
        CHECK(formatLevel(-0.04) == "0");
        CHECK(formatLevel(2.5) == "2.5");
    }
}
