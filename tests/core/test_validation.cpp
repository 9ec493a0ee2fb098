#include "core/domain_codes.h"
#include "core/validation.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace knotmap;

TEST_CASE("pain outside 0-10 is reported with the field and the value") {
    Observation observation;
    observation.pain = 11;
    const auto errors = validate(observation);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "pain");
    CHECK(describe(errors) == "pain: must be between 0 and 10, got 11");
    observation.pain = 10;
    CHECK(validate(observation).empty());
}

TEST_CASE("treatments reject negative minutes and out-of-range before/after pain") {
    Treatment treatment;
    treatment.kindCode = "heat";
    treatment.minutes = -1;
    treatment.painBefore = -1;
    treatment.painAfter = 12;
    const auto errors = validate(treatment);
    CHECK(errors.size() == 3);
    treatment.minutes = 0;
    treatment.painBefore = 0;
    treatment.painAfter = 10;
    CHECK(validate(treatment).empty());
}

TEST_CASE("knots must sit on the diagram and name a region") {
    Knot knot;
    knot.regionCode = "back.upper_trapezius.left";
    knot.position = {0.5, 0.5};
    CHECK(validate(knot).empty());
    knot.position = {-0.01, 1.5};
    CHECK(validate(knot).size() == 2);
    knot.position = {std::nan(""), 0.5};
    CHECK(validate(knot).size() == 1);
}

TEST_CASE("clients need a name and sessions need ratings within 0-10") {
    Client client;
    client.name = "   ";
    CHECK(validate(client).size() == 1);
    Session session;
    session.stress = 11;
    session.sleep = -2;
    CHECK(validate(session).size() == 2);
}

TEST_CASE("every code converts back to the value it came from") {
    for (auto kind :
         {ObservationKind::ActiveTriggerPoint, ObservationKind::LatentTriggerPoint,
          ObservationKind::Tension, ObservationKind::Adhesion, ObservationKind::Spasm}) {
        CHECK(observationKindFromCode(toCode(kind)) == kind);
    }
    for (auto kind : {SessionKind::SelfCheckIn, SessionKind::TherapyVisit}) {
        CHECK(sessionKindFromCode(toCode(kind)) == kind);
    }
    for (auto intensity : {Intensity::Light, Intensity::Medium, Intensity::Firm, Intensity::Deep}) {
        CHECK(intensityFromCode(toCode(intensity)) == intensity);
    }
    CHECK(bodyViewFromCode("back") == BodyView::Back);
    CHECK_FALSE(bodyViewFromCode("side").has_value());
}
