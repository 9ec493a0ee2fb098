#include "core/fhir/fhir_resources.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::fhir;

namespace {

SessionRecord visit() {
    SessionRecord session;
    session.id = 7;
    session.clientId = 2;
    session.started = LocalTimestamp(1'773'480'600, 60); // 2026-03-14 09:30 UTC, +01:00
    session.kind = "therapy_visit";
    session.overallPain = 5;
    session.therapist = "J. Rivera";
    session.subjective = "a < b & c";
    return session;
}

} // namespace

TEST_CASE("a knot's pain is LOINC 72514-3 at a SNOMED CT body site with its side") {
    const ResourceBuilder build(ReferenceStyle::Bundle);
    KnotRecord knot{3, 2, "back", 0.4, 0.3, "back.upper_trapezius.left", "", "active"};
    ObservationRecord observation{11,
                                  7,
                                  3,
                                  6,
                                  "active_trigger_point",
                                  "",
                                  {{"burning", "Burning"}},
                                  {"back.levator_scapulae.left"}};
    const Json json = build.knotObservation(observation, visit(), &knot);
    CHECK(json["resourceType"] == "Observation");
    CHECK(json["id"] == "6b6e6f74-0004-8000-8000-00000000000b");
    CHECK(json["status"] == "final");
    CHECK(json["code"]["coding"][0]["code"] == "72514-3");
    CHECK(json["valueInteger"] == 6);
    CHECK(json["effectiveDateTime"] == "2026-03-14T10:30:00+01:00");
    CHECK(json["subject"]["reference"] == "urn:uuid:6b6e6f74-0001-8000-8000-000000000002");
    CHECK(json["category"][0]["coding"][0]["code"] == "exam");
    const Json& site = json["bodySite"];
    CHECK(site["coding"][0]["system"] == "http://snomed.info/sct");
    CHECK(site["coding"][0]["code"] == "31764008");
    CHECK(site["coding"][1]["code"] == "back.upper_trapezius.left");
    CHECK(site["extension"][0]["valueCoding"]["code"] == "7771000");
    CHECK(site["text"] == "Left upper trapezius");
    REQUIRE(json["component"].size() == 3);
    CHECK(json["component"][0]["valueCodeableConcept"]["coding"][0]["code"] ==
          "active_trigger_point");
    CHECK(json["component"][1]["valueCodeableConcept"]["text"] == "Burning");
    CHECK(json["component"][2]["valueCodeableConcept"]["coding"][1]["code"] ==
          "back.levator_scapulae.left");
}

TEST_CASE("NDJSON resources refer by type and id") {
    const ResourceBuilder build(ReferenceStyle::Ndjson);
    const Json json = build.encounter(visit());
    CHECK(json["subject"]["reference"] == "Patient/6b6e6f74-0001-8000-8000-000000000002");
    CHECK(json["class"]["code"] == "AMB");
    CHECK(json["period"]["start"] == "2026-03-14T10:30:00+01:00");
    CHECK(json["participant"][0]["individual"]["display"] == "J. Rivera");
}

TEST_CASE("a visit's note is preliminary until signed, then final with its signer") {
    const ResourceBuilder build(ReferenceStyle::Bundle);
    SessionRecord session = visit();
    auto note = build.composition(session);
    REQUIRE(note);
    CHECK((*note)["status"] == "preliminary");
    CHECK_FALSE(note->contains("attester"));
    CHECK((*note)["section"][0]["text"]["div"] ==
          "<div xmlns=\"http://www.w3.org/1999/xhtml\">a &lt; b &amp; c</div>");
    session.signedAt = LocalTimestamp(1'773'484'200, 60);
    session.signedBy = "Dr Lee";
    note = build.composition(session);
    REQUIRE(note);
    CHECK((*note)["status"] == "final");
    CHECK((*note)["attester"][0]["party"]["display"] == "Dr Lee");
    CHECK((*note)["attester"][0]["time"] == "2026-03-14T11:30:00+01:00");
    session.kind = "self_checkin";
    CHECK_FALSE(build.composition(session));
    session = visit();
    session.subjective.clear();
    CHECK_FALSE(build.composition(session)); // nothing to say
}

TEST_CASE("a session's ratings become Observations; absent ratings none") {
    const ResourceBuilder build(ReferenceStyle::Bundle);
    SessionRecord session = visit();
    session.sleep = 8;
    const std::vector<Json> ratings = build.sessionRatings(session);
    REQUIRE(ratings.size() == 2);
    CHECK(ratings[0]["code"]["coding"][0]["code"] == "72514-3");
    CHECK_FALSE(ratings[0].contains("bodySite"));
    CHECK(ratings[0]["valueInteger"] == 5);
    CHECK(ratings[1]["code"]["coding"][0]["code"] == "sleep");
    CHECK(ratings[1]["id"] == "6b6e6f74-0007-8000-8000-000000000007");
}

TEST_CASE("a region the atlas does not know keeps its code, with no SNOMED CT guess") {
    const Json json = regionConcept("front.unknown.left");
    CHECK(json["coding"].size() == 1);
    CHECK(json["coding"][0]["code"] == "front.unknown.left");
    CHECK(json["text"] == "front.unknown.left");
    CHECK_FALSE(json.contains("extension"));
}
