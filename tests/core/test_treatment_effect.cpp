#include "core/history_builder.h"
#include "core/treatment_effect.h"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

using namespace knotmap;
using namespace knotmap::test;

namespace {

constexpr double kT2 = 4.302653; // t(0.975, 2)

// Knot 1 (left pec) and knot 2 (left IT band) over five sessions.
ClientHistory treated() {
    HistoryBuilder builder;
    builder.knot(1, kPecMajorLeft).knot(2, kItBandLeft);
    builder.session(0, std::nullopt, 9).observe(1, 6).observe(2, 4);
    builder.treatKnot(1, "massage", 6, 3).treatKnot(2, "massage", 4, 2);
    builder.treatSession("heat", 5, 4).treatKnot(2, "ice"); // ice: treated at the rating 4
    builder.session(0, std::nullopt, 18).observe(1, 5);     // same day: inside a one-day lag
    builder.session(1, std::nullopt, 10).observe(1, 4).observe(2, 3);
    builder.treatKnot(1, "massage", 4, 4).treatKnot(1, "stretching");
    builder.session(3, std::nullopt, 9).observe(2, 1);
    builder.treatKnot(1, "needling").treatSession("walk"); // knot 1 unrated here: skipped
    builder.session(5, std::nullopt, 9).observe(1, 2).treatKnot(1, "heat", 2, 2);
    return builder.history();
}

const TreatmentEffect& find(const std::vector<TreatmentEffect>& effects, const std::string& code) {
    for (const TreatmentEffect& effect : effects) {
        if (effect.kindCode == code) {
            return effect;
        }
    }
    FAIL("no effect for " << code);
    return effects.front();
}

} // namespace

TEST_SUITE("treatment effect") {
    TEST_CASE("t critical values: table and approximation") {
        CHECK(studentT95(1) == doctest::Approx(12.706).epsilon(1e-4));
        CHECK(studentT95(2) == doctest::Approx(4.303).epsilon(1e-4));
        CHECK(studentT95(10) == doctest::Approx(2.228).epsilon(1e-4));
        CHECK(studentT95(30) == doctest::Approx(2.042).epsilon(1e-4));
        CHECK(studentT95(31) == doctest::Approx(2.039513).epsilon(1e-6));
        CHECK(studentT95(60) == doctest::Approx(2.000298).epsilon(1e-6));
        CHECK(studentT95(100) == doctest::Approx(1.984).epsilon(1e-4));
        CHECK(studentT95(100) == doctest::Approx(1.983972).epsilon(1e-6));
        CHECK(studentT95(1000000) == doctest::Approx(1.96).epsilon(1e-3));
        CHECK(studentT95(1000000) == doctest::Approx(1.959966).epsilon(1e-6));
    }

    TEST_CASE("t critical values fall steadily with the degrees of freedom") {
        for (int df = 1; df < 400; ++df) {
            INFO("df " << df);
            CHECK(studentT95(df + 1) < studentT95(df));
            CHECK(studentT95(df) > 1.959963984540054);
        }
        CHECK_THROWS_AS((void)studentT95(0), std::invalid_argument);
        CHECK_THROWS_AS((void)studentT95(-3), std::invalid_argument);
    }

    TEST_CASE("mean with interval") {
        const MeanEstimate none = meanWithInterval({});
        CHECK(none.n == 0);
        CHECK(none.mean == 0.0);
        CHECK_FALSE(none.lower.has_value());

        const MeanEstimate one = meanWithInterval({3.0});
        CHECK(one.n == 1);
        CHECK(one.mean == 3.0);
        CHECK_FALSE(one.lower.has_value());
        CHECK_FALSE(one.upper.has_value());

        // Standard error 1 (sd sqrt 2 over sqrt 2): the interval is mean +- t(1).
        const MeanEstimate two = meanWithInterval({-1.0, -3.0});
        CHECK(two.n == 2);
        CHECK(two.mean == doctest::Approx(-2.0));
        CHECK(*two.lower == doctest::Approx(-2.0 - 12.706205));
        CHECK(*two.upper == doctest::Approx(-2.0 + 12.706205));

        // 1..11: variance 11, standard error 1, df 10.
        const MeanEstimate eleven =
            meanWithInterval({1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0});
        CHECK(eleven.n == 11);
        CHECK(eleven.mean == doctest::Approx(6.0));
        CHECK(*eleven.lower == doctest::Approx(6.0 - 2.228139));
        CHECK(*eleven.upper == doctest::Approx(6.0 + 2.228139));

        // No spread: a zero-width interval.
        const MeanEstimate same = meanWithInterval({2.0, 2.0, 2.0});
        CHECK(*same.lower == doctest::Approx(2.0));
        CHECK(*same.upper == doctest::Approx(2.0));
    }

    TEST_CASE("an empty history has no effects") {
        CHECK(treatmentEffects(ClientHistory{}).empty());
    }

    TEST_CASE("uses and within-session change per kind, sorted by relief") {
        const std::vector<TreatmentEffect> effects = treatmentEffects(treated());
        REQUIRE(effects.size() == 6);
        CHECK(effects[0].kindCode == "massage");
        CHECK(effects[1].kindCode == "heat");
        // No within-session data: by code.
        CHECK(effects[2].kindCode == "ice");
        CHECK(effects[3].kindCode == "needling");
        CHECK(effects[4].kindCode == "stretching");
        CHECK(effects[5].kindCode == "walk");

        const TreatmentEffect& massage = effects[0];
        CHECK(massage.uses == 3);
        REQUIRE(massage.withinSession.has_value());
        // Changes -3, -2, 0: variance 7/3, standard error sqrt(7) / 3.
        CHECK(massage.withinSession->n == 3);
        CHECK(massage.withinSession->mean == doctest::Approx(-5.0 / 3.0));
        const double half = kT2 * std::sqrt(7.0) / 3.0;
        CHECK(*massage.withinSession->lower == doctest::Approx(-5.0 / 3.0 - half));
        CHECK(*massage.withinSession->upper == doctest::Approx(-5.0 / 3.0 + half));

        const TreatmentEffect& heat = effects[1];
        CHECK(heat.uses == 2);
        CHECK(heat.withinSession->n == 2);
        CHECK(heat.withinSession->mean == doctest::Approx(-0.5)); // -1 and 0
        CHECK(*heat.withinSession->lower == doctest::Approx(-0.5 - 12.706205 * 0.5));

        for (std::size_t i = 2; i < effects.size(); ++i) {
            CHECK(effects[i].uses == 1);
            CHECK_FALSE(effects[i].withinSession.has_value());
        }
    }

    TEST_CASE("change to the next rating at least a day later") {
        const std::vector<TreatmentEffect> effects = treatmentEffects(treated());
        // Massage: knot 1 6 -> 4 (day 1, the same-day 5 is too soon), knot 2
        // 4 -> 3, knot 1 on day 1 4 -> 2 (day 5).
        const TreatmentEffect& massage = find(effects, "massage");
        REQUIRE(massage.toNextObservation.has_value());
        CHECK(massage.toNextObservation->n == 3);
        CHECK(massage.toNextObservation->mean == doctest::Approx(-5.0 / 3.0));
        // Changes -2, -1, -2: variance 1/3, standard error 1/3.
        CHECK(*massage.toNextObservation->lower == doctest::Approx(-5.0 / 3.0 - kT2 / 3.0));
        CHECK(*massage.toNextObservation->upper == doctest::Approx(-5.0 / 3.0 + kT2 / 3.0));

        // Whole-session heat follows no knot; heat on knot 1 on day 5 has no later rating.
        CHECK_FALSE(find(effects, "heat").toNextObservation.has_value());
        // Without painBefore the treated pain is the same session's rating.
        const TreatmentEffect& ice = find(effects, "ice");
        REQUIRE(ice.toNextObservation.has_value());
        CHECK(ice.toNextObservation->n == 1);
        CHECK(ice.toNextObservation->mean == -1.0); // 4 -> 3
        CHECK_FALSE(ice.toNextObservation->lower.has_value());
        CHECK(find(effects, "stretching").toNextObservation->mean == -2.0); // 4 -> 2
        // Knot 1 was not rated in the needling session and has no painBefore.
        CHECK_FALSE(find(effects, "needling").toNextObservation.has_value());
        CHECK_FALSE(find(effects, "walk").toNextObservation.has_value());
    }

    TEST_CASE("a lag of zero takes the next later session") {
        const std::vector<TreatmentEffect> effects = treatmentEffects(treated(), 0.0);
        const TreatmentEffect& massage = find(effects, "massage");
        // 6 -> 5 (same evening), 4 -> 3, 4 -> 2.
        CHECK(massage.toNextObservation->n == 3);
        CHECK(massage.toNextObservation->mean == doctest::Approx(-4.0 / 3.0));
        CHECK(find(effects, "ice").toNextObservation->mean == -1.0);
        // The within-session change does not depend on the lag.
        CHECK(massage.withinSession->mean == doctest::Approx(-5.0 / 3.0));
    }

    TEST_CASE("a longer lag skips ahead, a lag exactly met counts") {
        const std::vector<TreatmentEffect> effects = treatmentEffects(treated(), 3.0);
        const TreatmentEffect& massage = find(effects, "massage");
        // 6 -> 2 (day 5), 4 -> 1 (day 3 at 9:00, exactly three days), 4 -> 2 (day 5).
        CHECK(massage.toNextObservation->n == 3);
        CHECK(massage.toNextObservation->mean == doctest::Approx(-3.0));
        const double half = kT2 / std::sqrt(3.0);
        CHECK(*massage.toNextObservation->lower == doctest::Approx(-3.0 - half));
        CHECK(*massage.toNextObservation->upper == doctest::Approx(-3.0 + half));
        CHECK(find(effects, "ice").toNextObservation->mean == -3.0); // 4 -> 1
    }

    TEST_CASE("equal within-session means are ordered by kind code") {
        HistoryBuilder builder;
        builder.session(0).treatSession("rest", 5, 4).treatSession("bath", 6, 5);
        builder.treatSession("yoga", 3, 4);
        const std::vector<TreatmentEffect> effects = treatmentEffects(builder.history());
        REQUIRE(effects.size() == 3);
        CHECK(effects[0].kindCode == "bath");
        CHECK(effects[1].kindCode == "rest");
        CHECK(effects[2].kindCode == "yoga");
        CHECK(effects[2].withinSession->mean == 1.0); // a worsening sorts after relief
    }
}
