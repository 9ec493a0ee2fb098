#include "core/record_amendment.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("record amendments: one per changed field of a rating, none when nothing changed") {
    Observation signedRating;
    signedRating.id = 12;
    signedRating.pain = 7;
    signedRating.kind = ObservationKind::Tension;
    signedRating.symptomCodes = {"stiffness"};
    signedRating.referredRegionCodes = {"back.rhomboid.left"};

    CHECK(ratingAmendments(signedRating, signedRating, "Dana Lee", "typo", 100).empty());

    Observation corrected = signedRating;
    corrected.pain = 3;
    corrected.symptomCodes = {"taut_band", "aching", "aching"};
    const auto amendments = ratingAmendments(signedRating, corrected, "Dana Lee", "typo", 100);
    REQUIRE(amendments.size() == 2);
    CHECK(amendments[0].record == AmendedRecord::Rating);
    CHECK(amendments[0].recordId == 12);
    CHECK(amendments[0].field == "pain");
    CHECK(amendments[0].newValue == "3");
    CHECK(amendments[0].author == "Dana Lee");
    CHECK(amendments[0].reason == "typo");
    CHECK(amendments[0].amendedUtc == 100);
    CHECK(amendments[1].field == "symptoms");
    CHECK(amendments[1].newValue == R"(["aching","taut_band"])"); // sorted, each once
}

TEST_CASE("record amendments: a treatment's cleared value is 'not recorded' (no value)") {
    Treatment signedTreatment;
    signedTreatment.id = 4;
    signedTreatment.kindCode = "heat";
    signedTreatment.minutes = 10;
    signedTreatment.intensity = Intensity::Firm;
    Treatment corrected = signedTreatment;
    corrected.minutes.reset();
    corrected.intensity = Intensity::Light;
    corrected.painAfter = 2;
    const auto amendments = treatmentAmendments(signedTreatment, corrected, "A", "why", 5);
    REQUIRE(amendments.size() == 3);
    CHECK(amendments[0].field == "minutes");
    CHECK_FALSE(amendments[0].newValue.has_value());
    CHECK(amendments[1].field == "intensity");
    CHECK(amendments[1].newValue == "light");
    CHECK(amendments[2].field == "pain_after");
    CHECK(amendments[2].newValue == "2");
}

TEST_CASE("record amendments: codes with quotes are written as valid JSON; field names") {
    CHECK(codeListValue({}) == "[]");
    CHECK(codeListValue({R"(a"b)", R"(c\d)"}) == R"(["a\"b","c\\d"])");
    CHECK(amendmentFieldName(AmendedRecord::Rating, "referrals") == "Referred regions");
    CHECK(amendmentFieldName(AmendedRecord::Treatment, "pain_before") == "Pain before");
    CHECK_FALSE(isAmendableField(AmendedRecord::Rating, "minutes"));
    CHECK_FALSE(isAmendableField(AmendedRecord::Treatment, "symptoms"));
}
