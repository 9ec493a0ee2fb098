#include "core/history_builder.h"
#include "core/region_heat.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace knotmap;
using namespace knotmap::test;

namespace {

// Knots 1 and 2 in region 0 (left pec major), 3 in region 5 (right IT band),
// 4 in a region the atlas does not know.
ClientHistory heatHistory() {
    HistoryBuilder builder;
    builder.knot(1, kPecMajorLeft).knot(2, kPecMajorLeft).knot(3, kItBandRight);
    builder.knot(4, "front.not_in_atlas");
    builder.session(0).observe(1, 4).observe(2, 6).observe(3, 2).observe(4, 9);
    builder.session(10).observe(1, 2);
    builder.session(20).observe(3, 8);
    builder.session(45).observe(2, 1);
    builder.session(50);
    return builder.history();
}

std::int64_t at(std::int64_t day) {
    return kDay0 + day * kDay + 9 * kHour;
}

} // namespace

TEST_SUITE("region heat") {
    TEST_CASE("sessions in range include both ends") {
        const ClientHistory history = heatHistory();
        CHECK(sessionsInRange(history, at(10), at(20)) == std::vector<std::size_t>{1, 2});
        CHECK(sessionsInRange(history, at(10) + 1, at(20) - 1).empty());
        CHECK(sessionsInRange(history, at(0), at(50)) == std::vector<std::size_t>{0, 1, 2, 3, 4});
        CHECK(sessionsInRange(ClientHistory{}, at(0), at(50)).empty());
    }

    TEST_CASE("average and peak per region over a range") {
        const ClientHistory history = heatHistory();
        const RegionHeat average =
            regionHeat(history, analysisAtlas(), at(0), at(10), HeatMode::Average);
        REQUIRE(average.size() == 6);
        CHECK(*average[0] == doctest::Approx(4.0)); // (4 + 6 + 2) / 3
        CHECK_FALSE(average[1].has_value());
        CHECK_FALSE(average[2].has_value());
        CHECK_FALSE(average[3].has_value());
        CHECK_FALSE(average[4].has_value());
        CHECK(*average[5] == doctest::Approx(2.0));

        const RegionHeat peak = regionHeat(history, analysisAtlas(), at(0), at(10), HeatMode::Peak);
        CHECK(*peak[0] == 6.0);
        CHECK(*peak[5] == 2.0);

        const RegionHeat all =
            regionHeat(history, analysisAtlas(), at(0), at(50), HeatMode::Average);
        CHECK(*all[0] == doctest::Approx(3.25)); // (4 + 6 + 2 + 1) / 4
        CHECK(*all[5] == doctest::Approx(5.0));  // (2 + 8) / 2
        const RegionHeat allPeak =
            regionHeat(history, analysisAtlas(), at(0), at(50), HeatMode::Peak);
        CHECK(*allPeak[0] == 6.0);
        CHECK(*allPeak[5] == 8.0);
    }

    TEST_CASE("a range without sessions or an empty history is all blank") {
        const RegionHeat none =
            regionHeat(heatHistory(), analysisAtlas(), at(30), at(40), HeatMode::Peak);
        REQUIRE(none.size() == 6);
        CHECK(std::none_of(none.begin(), none.end(), [](const auto& v) { return v.has_value(); }));
        const RegionHeat empty =
            regionHeat(ClientHistory{}, analysisAtlas(), at(0), at(50), HeatMode::Average);
        REQUIRE(empty.size() == 6);
        CHECK(
            std::none_of(empty.begin(), empty.end(), [](const auto& v) { return v.has_value(); }));
    }

    TEST_CASE("a pain-free rating is zero heat, not blank") {
        HistoryBuilder builder;
        builder.knot(1, kItBandLeft).session(0).observe(1, 0);
        const RegionHeat heat =
            regionHeat(builder.history(), analysisAtlas(), at(0), at(0), HeatMode::Average);
        REQUIRE(heat[4].has_value());
        CHECK(*heat[4] == 0.0);
        CHECK(*regionHeatAtSession(builder.history(), analysisAtlas(), 0)[4] == 0.0);
    }

    TEST_CASE("a frame carries each knot's latest rating forward and takes the region max") {
        const ClientHistory history = heatHistory();
        const RegionHeat first = regionHeatAtSession(history, analysisAtlas(), 0);
        REQUIRE(first.size() == 6);
        CHECK(*first[0] == 6.0); // max(4, 6)
        CHECK(*first[5] == 2.0);
        CHECK_FALSE(first[1].has_value());

        const RegionHeat second = regionHeatAtSession(history, analysisAtlas(), 1);
        CHECK(*second[0] == 6.0); // knot 1 now 2, knot 2 still 6 from day 0
        CHECK(*second[5] == 2.0); // carried from day 0

        const RegionHeat third = regionHeatAtSession(history, analysisAtlas(), 2);
        CHECK(*third[0] == 6.0); // knot 2's day-0 rating is 20 days old
        CHECK(*third[5] == 8.0);
    }

    TEST_CASE("a rating more than 30 days older than the frame is dropped") {
        const ClientHistory history = heatHistory();
        // Day 45: knot 1's day-10 rating is 35 days old, knot 2 is rated 1,
        // knot 3's day-20 rating is 25 days old.
        const RegionHeat day45 = regionHeatAtSession(history, analysisAtlas(), 3);
        CHECK(*day45[0] == 1.0);
        CHECK(*day45[5] == 8.0);
        // Day 50: knot 3's rating is exactly 30 days old, still shown.
        const RegionHeat day50 = regionHeatAtSession(history, analysisAtlas(), 4);
        CHECK(*day50[0] == 1.0);
        CHECK(*day50[5] == 8.0);
    }

    TEST_CASE("a frame past the last session is all blank") {
        const RegionHeat heat = regionHeatAtSession(heatHistory(), analysisAtlas(), 5);
        REQUIRE(heat.size() == 6);
        CHECK(std::none_of(heat.begin(), heat.end(), [](const auto& v) { return v.has_value(); }));
        CHECK(regionHeatAtSession(ClientHistory{}, analysisAtlas(), 0).size() == 6);
    }

    TEST_CASE("a large history over the built-in atlas gives sane values") {
        // Sanity for the size the charts must handle (10k ratings, every
        // region); not a timing test.
        const Atlas& atlas = Atlas::builtIn();
        HistoryBuilder builder;
        const auto regionCount = static_cast<Id>(atlas.regions().size());
        for (Id id = 1; id <= regionCount; ++id) {
            builder.knot(id, atlas.regions()[static_cast<std::size_t>(id - 1)].code);
        }
        for (int i = 0; i < 10000; ++i) {
            if (i % 10 == 0) {
                builder.session(i / 10);
            }
            builder.observe(1 + i % regionCount, i % 11);
        }
        const ClientHistory& history = builder.history();
        const RegionHeat peak = regionHeat(history, atlas, at(0), at(1000), HeatMode::Peak);
        REQUIRE(peak.size() == atlas.regions().size());
        CHECK(std::all_of(peak.begin(), peak.end(),
                          [](const auto& v) { return v.has_value() && *v == 10.0; }));
        const RegionHeat average = regionHeat(history, atlas, at(0), at(1000), HeatMode::Average);
        CHECK(std::all_of(average.begin(), average.end(),
                          [](const auto& v) { return v.has_value() && *v >= 0.0 && *v <= 10.0; }));
        const RegionHeat frame = regionHeatAtSession(history, atlas, 999);
        CHECK(std::all_of(frame.begin(), frame.end(), [](const auto& v) { return v.has_value(); }));
    }
}
