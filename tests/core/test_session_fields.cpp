#include "core/session_fields.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace knotmap;

TEST_CASE("session fields: every field's code reads back as the same field") {
    for (const SessionField field : kAllSessionFields) {
        CAPTURE(toCode(field));
        CHECK(sessionFieldFromCode(toCode(field)) == field);
        CHECK_FALSE(displayName(field).empty());
    }
    CHECK_FALSE(sessionFieldFromCode("started_utc"));
}

TEST_CASE("session fields: values round-trip through their text form") {
    Session session;
    session.overallPain = 7;
    session.triggerCodes = {"posture", "stress"};
    session.plan = "Review in two weeks";
    CHECK(fieldText(session, SessionField::OverallPain) == "7");
    CHECK(fieldText(session, SessionField::Stress).empty()); // not rated
    CHECK(fieldText(session, SessionField::Triggers) == "posture,stress");

    Session copy;
    for (const SessionField field : kAllSessionFields) {
        setFieldText(copy, field, fieldText(session, field));
    }
    CHECK(copy.overallPain == 7);
    CHECK_FALSE(copy.stress);
    CHECK(copy.triggerCodes == session.triggerCodes);
    CHECK(copy.plan == session.plan);

    setFieldText(copy, SessionField::OverallPain, "");
    CHECK_FALSE(copy.overallPain);
    setFieldText(copy, SessionField::Triggers, "");
    CHECK(copy.triggerCodes.empty());
}

TEST_CASE("session fields: a rating must be a whole number from 0 to 10") {
    Session session;
    for (const char* bad : {"11", "-1", "5.5", "five", "5 "}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(setFieldText(session, SessionField::Sleep, bad), std::invalid_argument);
    }
    setFieldText(session, SessionField::Sleep, "10");
    CHECK(session.sleep == 10);
}
