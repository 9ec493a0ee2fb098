#include "core/history_builder.h"
#include "core/session_comparison.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::test;

namespace {

// Session 0 is A, session 2 is B; session 1 in between must not count.
ClientHistory visits() {
    HistoryBuilder builder;
    builder
        .knot(1, kPecMajorLeft)  // region 0
        .knot(2, kPecMajorLeft)  // region 0
        .knot(3, kPecMinorRight) // region 3
        .knot(4, kItBandLeft)    // region 4
        .knot(5, kItBandRight)   // region 5
        .knot(6, "front.not_in_atlas")
        .knot(7, kPecMajorRight); // region 1
    builder.session(0)
        .observe(1, 6)
        .observe(2, 3)
        .observe(3, 4)
        .observe(4, 5)
        .observe(6, 2)
        .observe(7, 3);
    builder.session(3).observe(1, 9).observe(4, 9);
    builder.session(7)
        .observe(1, 2)
        .observe(2, 3)
        .observe(3, 4)
        .observe(5, 7)
        .observe(6, 2)
        .observe(7, 4);
    return builder.history();
}

void checkKnot(const KnotComparison& knot, Id id, int region, std::optional<int> a,
               std::optional<int> b, int difference, ComparisonStatus status) {
    INFO("knot " << id);
    CHECK(knot.knotId == id);
    CHECK(knot.regionIndex == region);
    CHECK(knot.painA == a);
    CHECK(knot.painB == b);
    CHECK(knot.difference == difference);
    CHECK(knot.status == status);
}

void checkRegion(const RegionComparison& region, int index, std::optional<int> a,
                 std::optional<int> b, int difference, ComparisonStatus status) {
    INFO("region " << index);
    CHECK(region.regionIndex == index);
    CHECK(region.painA == a);
    CHECK(region.painB == b);
    CHECK(region.difference == difference);
    CHECK(region.status == status);
}

} // namespace

TEST_SUITE("session comparison") {
    TEST_CASE("knots: better, worse, unchanged, new and gone, largest change first") {
        const SessionComparison comparison = compareSessions(visits(), analysisAtlas(), 0, 2);
        CHECK(comparison.sessionA == 0);
        CHECK(comparison.sessionB == 2);
        REQUIRE(comparison.knots.size() == 7);
        const auto none = std::optional<int>{};
        checkKnot(comparison.knots[0], 5, 5, none, 7, 7, ComparisonStatus::New);
        checkKnot(comparison.knots[1], 4, 4, 5, none, -5, ComparisonStatus::Gone);
        checkKnot(comparison.knots[2], 1, 0, 6, 2, -4, ComparisonStatus::Better);
        checkKnot(comparison.knots[3], 7, 1, 3, 4, 1, ComparisonStatus::Worse);
        // Ties keep knot id order.
        checkKnot(comparison.knots[4], 2, 0, 3, 3, 0, ComparisonStatus::Unchanged);
        checkKnot(comparison.knots[5], 3, 3, 4, 4, 0, ComparisonStatus::Unchanged);
        checkKnot(comparison.knots[6], 6, -1, 2, 2, 0, ComparisonStatus::Unchanged);
    }

    TEST_CASE("regions compare the highest pain of their knots") {
        const SessionComparison comparison = compareSessions(visits(), analysisAtlas(), 0, 2);
        REQUIRE(comparison.regions.size() == 5);
        const auto none = std::optional<int>{};
        checkRegion(comparison.regions[0], 5, none, 7, 7, ComparisonStatus::New);
        checkRegion(comparison.regions[1], 4, 5, none, -5, ComparisonStatus::Gone);
        checkRegion(comparison.regions[2], 0, 6, 3, -3, ComparisonStatus::Better);
        checkRegion(comparison.regions[3], 1, 3, 4, 1, ComparisonStatus::Worse);
        checkRegion(comparison.regions[4], 3, 4, 4, 0, ComparisonStatus::Unchanged);
    }

    TEST_CASE("a stricter threshold turns a one-point change into unchanged") {
        const SessionComparison comparison = compareSessions(visits(), analysisAtlas(), 0, 2, 2);
        REQUIRE(comparison.knots.size() == 7);
        checkKnot(comparison.knots[3], 7, 1, 3, 4, 1, ComparisonStatus::Unchanged);
        checkKnot(comparison.knots[2], 1, 0, 6, 2, -4, ComparisonStatus::Better);
        checkRegion(comparison.regions[3], 1, 3, 4, 1, ComparisonStatus::Unchanged);
        checkRegion(comparison.regions[2], 0, 6, 3, -3, ComparisonStatus::Better);
    }

    TEST_CASE("a session compared with itself is unchanged throughout") {
        const SessionComparison comparison = compareSessions(visits(), analysisAtlas(), 1, 1);
        REQUIRE(comparison.knots.size() == 2);
        checkKnot(comparison.knots[0], 1, 0, 9, 9, 0, ComparisonStatus::Unchanged);
        checkKnot(comparison.knots[1], 4, 4, 9, 9, 0, ComparisonStatus::Unchanged);
        REQUIRE(comparison.regions.size() == 2);
    }

    TEST_CASE("an empty session makes everything new or gone") {
        HistoryBuilder builder;
        builder.knot(1, kItBandLeft).session(0).session(1).observe(1, 0);
        const SessionComparison comparison =
            compareSessions(builder.history(), analysisAtlas(), 0, 1);
        REQUIRE(comparison.knots.size() == 1);
        // A new pain-free knot: no change in size, but still new.
        checkKnot(comparison.knots[0], 1, 4, std::nullopt, 0, 0, ComparisonStatus::New);
        REQUIRE(comparison.regions.size() == 1);
        checkRegion(comparison.regions[0], 4, std::nullopt, 0, 0, ComparisonStatus::New);
    }

    TEST_CASE("an index out of range or an empty history gives empty lists") {
        const SessionComparison out = compareSessions(visits(), analysisAtlas(), 0, 3);
        CHECK(out.knots.empty());
        CHECK(out.regions.empty());
        const SessionComparison empty = compareSessions(ClientHistory{}, analysisAtlas(), 0, 0);
        CHECK(empty.knots.empty());
        CHECK(empty.regions.empty());
    }

    TEST_CASE("status names") {
        CHECK(displayName(ComparisonStatus::Better) == "Better");
        CHECK(displayName(ComparisonStatus::Worse) == "Worse");
        CHECK(displayName(ComparisonStatus::Unchanged) == "Unchanged");
        CHECK(displayName(ComparisonStatus::New) == "New");
        CHECK(displayName(ComparisonStatus::Gone) == "Gone");
    }
}
