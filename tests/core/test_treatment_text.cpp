#include "core/treatment_text.h"

#include <doctest/doctest.h>

using namespace knotmap;

namespace {

Treatment massageOf(Id knotId) {
    Treatment treatment;
    treatment.sessionId = 3;
    treatment.knotId = knotId;
    treatment.kindCode = "massage_trigger_point";
    treatment.minutes = 20;
    treatment.intensity = Intensity::Firm;
    treatment.notes = "90 s each";
    return treatment;
}

} // namespace

TEST_CASE("treatment text: details name only what is known") {
    Treatment treatment;
    CHECK(describeTreatmentDetails(treatment).empty());
    treatment.minutes = 20;
    CHECK(describeTreatmentDetails(treatment) == "20 min");
    treatment.intensity = Intensity::Deep;
    CHECK(describeTreatmentDetails(treatment) == "20 min \u00B7 Deep");
    treatment.minutes.reset();
    CHECK(describeTreatmentDetails(treatment) == "Deep");
    treatment.minutes = 0; // zero minutes is known, not missing
    treatment.intensity = Intensity::Light;
    CHECK(describeTreatmentDetails(treatment) == "0 min \u00B7 Light");
}

TEST_CASE("treatment text: pain before and after, with ? for an unrated side") {
    Treatment treatment;
    CHECK(describeTreatmentPain(treatment).empty());
    treatment.painBefore = 7;
    CHECK(describeTreatmentPain(treatment) == "pain 7 \u2192 ?");
    treatment.painAfter = 4;
    CHECK(describeTreatmentPain(treatment) == "pain 7 \u2192 4");
    treatment.painBefore.reset();
    treatment.painAfter = 0;
    CHECK(describeTreatmentPain(treatment) == "pain ? \u2192 0");
}

TEST_CASE("treatment text: knots treated together group, anything different does not") {
    const Treatment first = massageOf(1);
    CHECK(givenTogether(first, massageOf(2)));

    Treatment other = massageOf(2);
    other.painBefore = 5; // pain is per knot: still together
    CHECK(givenTogether(first, other));

    other = massageOf(2);
    other.minutes = 10;
    CHECK_FALSE(givenTogether(first, other));
    other = massageOf(2);
    other.kindCode = "heat";
    CHECK_FALSE(givenTogether(first, other));
    other = massageOf(2);
    other.notes = "";
    CHECK_FALSE(givenTogether(first, other));
    other = massageOf(2);
    other.sessionId = 4;
    CHECK_FALSE(givenTogether(first, other));
    other = massageOf(2);
    other.knotId.reset(); // a whole-session treatment stands alone
    CHECK_FALSE(givenTogether(first, other));
    CHECK_FALSE(givenTogether(other, other));
}

TEST_CASE("treatment text: the same treatment is equal in every field") {
    const Treatment first = massageOf(1);
    CHECK(sameTreatment(first, massageOf(1)));
    Treatment changed = massageOf(1);
    changed.painAfter = 2;
    CHECK_FALSE(sameTreatment(first, changed));
    changed = massageOf(1);
    changed.medication = "Ibuprofen 400 mg";
    CHECK_FALSE(sameTreatment(first, changed));
    changed = massageOf(1);
    changed.knotId.reset();
    CHECK_FALSE(sameTreatment(first, changed));
}
