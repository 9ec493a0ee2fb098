#include "core/client_overview.h"
#include "core/history_builder.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::test;

TEST_SUITE("client overview") {
    TEST_CASE("an empty history has no sessions") {
        const ClientHistory empty;
        CHECK(clientOverview(empty, analysisAtlas()).empty());
    }

    TEST_CASE("per session: overall pain, knots, active knots and CHOIR regions") {
        HistoryBuilder builder;
        builder
            .knot(1, kPecMajorLeft)  // CHOIR f09
            .knot(2, kPecMinorLeft)  // CHOIR f09 as well
            .knot(3, kPecMajorRight) // CHOIR f08
            .knot(4, kItBandLeft)    // CHOIR b28
            .knot(5, "front.not_in_atlas");
        builder.session(0, 5).observe(1, 4).observe(2, 3).observe(3, 0).observe(5, 6);
        builder.session(1); // nothing observed
        builder.session(2, 2).observe(1, 2).observe(3, 1).observe(4, 5);
        builder.session(3, 0).observe(1, 0);
        const std::vector<SessionOverview> overview =
            clientOverview(builder.history(), analysisAtlas());
        REQUIRE(overview.size() == 4);

        CHECK(overview[0].session == 0);
        CHECK(overview[0].startedAt.utcSeconds() == kDay0 + 9 * kHour);
        CHECK(overview[0].overallPain == 5);
        CHECK(overview[0].observedKnots == 4);
        CHECK(overview[0].activeKnots == 3);    // 1, 2 and the unknown-region 5
        CHECK(overview[0].widespreadness == 1); // f09 once; knot 3 is pain free

        CHECK(overview[1].session == 1);
        CHECK(overview[1].startedAt.utcSeconds() == kDay0 + kDay + 9 * kHour);
        CHECK_FALSE(overview[1].overallPain.has_value());
        CHECK(overview[1].observedKnots == 0);
        CHECK(overview[1].activeKnots == 0);
        CHECK(overview[1].widespreadness == 0);

        CHECK(overview[2].overallPain == 2);
        CHECK(overview[2].observedKnots == 3);
        CHECK(overview[2].activeKnots == 3);
        CHECK(overview[2].widespreadness == 3); // f09, f08, b28

        CHECK(overview[3].overallPain == 0);
        CHECK(overview[3].observedKnots == 1);
        CHECK(overview[3].activeKnots == 0);
        CHECK(overview[3].widespreadness == 0);
    }

    TEST_CASE("a knot rated twice in a session counts once") {
        HistoryBuilder builder;
        builder.knot(1, kItBandRight).session(0).observe(1, 3).observe(1, 5);
        const std::vector<SessionOverview> overview =
            clientOverview(builder.history(), analysisAtlas());
        REQUIRE(overview.size() == 1);
        CHECK(overview[0].observedKnots == 1);
        CHECK(overview[0].activeKnots == 1);
        CHECK(overview[0].widespreadness == 1);
    }

    TEST_CASE("with the built-in atlas every region resolves to a CHOIR code") {
        const Atlas& atlas = Atlas::builtIn();
        REQUIRE(atlas.regions().size() >= 2);
        HistoryBuilder builder;
        builder.knot(1, atlas.regions()[0].code).knot(2, atlas.regions()[1].code);
        builder.session(0).observe(1, 2).observe(2, 2);
        const int expected = atlas.regions()[0].choirCode == atlas.regions()[1].choirCode ? 1 : 2;
        CHECK(clientOverview(builder.history(), atlas)[0].widespreadness == expected);
    }

    TEST_CASE("the overview's headline compares the overall pain at both ends of the range") {
        // 90 days of daily sessions: overall pain 6, down to 2 in the middle
        // weeks, back to 6; one session without an overall rating.
        HistoryBuilder builder;
        for (int day = 0; day < 90; ++day) {
            const int pain = day >= 30 && day < 60 ? 2 : 6;
            if (day == 45) {
                builder.session(day);
            } else {
                builder.session(day, pain);
            }
        }
        const std::vector<SessionOverview> overview =
            clientOverview(builder.history(), analysisAtlas());
        const std::vector<TimedRating> ratings = overallPainRatings(overview);
        REQUIRE(ratings.size() == 89); // the unrated session is left out
        CHECK(ratings.front().utcSeconds == kDay0 + 9 * kHour);
        CHECK(ratings.front().pain == 6.0);
        const RangeChange change = rangeChange(ratings, latestSpan(ratings, 90.0 * kDay));
        CHECK(change.story == RangeStory::FellThenRelapsed);
        CHECK(rangeHeadline(change) == "Fell to 2, then relapsed: 6 \u2192 2 \u2192 6");
        CHECK(change.tone == ChangeTone::Worsening);
    }
}
