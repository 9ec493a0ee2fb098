// A signed visit is read-only as a whole (db/sqlite/005_signed_visit_contents.sql):
// its ratings with their symptoms and referred regions, its treatments and
// the place of the knots it rated. Corrections are amendments that the
// database applies and keeps, with the value before and after, who, when, why.
#include "core/domain_codes.h"
#include "core/observation_edit.h"
#include "store/knot_commands.h"
#include "store/knot_pain_query.h"
#include "store/observation_commands.h"
#include "store/record_amendment_repository.h"
#include "store/session_commands.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/todays_session.h"
#include "store/treatment_commands.h"
#include "store/visit_amendments.h"
#include "support/test_database.h"
#include "table_dump.h"
#include "visit_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace knotmap;
using knotmap::testing::dumpAllTables;
using knotmap::testing::VisitFixture;

namespace {

struct SignedVisit : VisitFixture {
    Session visit = addFullVisit();
    Id observationId = 0;
    Id knotId = 0;
    Id knotTreatmentId = 0;

    SignedVisit() {
        const Observation observation = ObservationRepository(db).listForSession(visit.id).at(0);
        observationId = observation.id;
        knotId = observation.knotId;
        knotTreatmentId =
            db.execAndGet("SELECT id FROM treatment WHERE knot_id IS NOT NULL").getInt64();
        sign(visit.id);
    }

    RecordAmendment rating(std::string field, std::optional<std::string> value,
                           std::string reason = "misread the chart") {
        RecordAmendment amendment;
        amendment.record = AmendedRecord::Rating;
        amendment.recordId = observationId;
        amendment.field = std::move(field);
        amendment.newValue = std::move(value);
        amendment.author = "Dana Lee";
        amendment.amendedUtc = 1773490000;
        amendment.reason = std::move(reason);
        return amendment;
    }

    RecordAmendment treatment(std::string field, std::optional<std::string> value) {
        RecordAmendment amendment = rating(std::move(field), std::move(value));
        amendment.record = AmendedRecord::Treatment;
        amendment.recordId = knotTreatmentId;
        return amendment;
    }
};

} // namespace

TEST_CASE("signed visit: its ratings, knots, treatments, symptoms and regions refuse changes") {
    SignedVisit f;
    const std::string signedDump = dumpAllTables(f.db);

    // Through the app's own commands, as the window would.
    UpdateObservationCommand pain(f.db, ObservationEdit::setPain(f.observationId, 3));
    CHECK_THROWS(pain.apply());
    UpdateObservationCommand symptoms(f.db, ObservationEdit::setSymptoms(f.observationId, {}));
    CHECK_THROWS(symptoms.apply());
    NewTreatment added;
    added.sessionId = f.visit.id;
    added.kindCode = "heat";
    AddTreatmentCommand addTreatment(f.db, added);
    CHECK_THROWS(addTreatment.apply());
    DeleteTreatmentCommand deleteTreatment(f.db, f.knotTreatmentId);
    CHECK_THROWS(deleteTreatment.apply());
    MoveKnotCommand move(f.db, f.knotId, {0.5, 0.5}, "back.upper_trapezius.left");
    CHECK_THROWS(move.apply());
    DeleteKnotCommand deleteKnot(f.db, f.knotId);
    CHECK_THROWS(deleteKnot.apply());
    CHECK(dumpAllTables(f.db) == signedDump);

    // And through SQL that bypasses the app (the sqlite3 shell, a script).
    for (const char* sql : {
             "UPDATE observation SET pain = 3",
             "UPDATE observation SET kind = 'spasm'",
             "UPDATE observation SET notes = 'rewritten'",
             "UPDATE observation SET session_id = session_id + 0, knot_id = knot_id + 1",
             "DELETE FROM observation",
             "INSERT INTO knot (client_id, view, x, y, region_code) VALUES (1, 'front', 0.5, "
             "0.5, 'front.deltoid.left')",
             "INSERT INTO observation (session_id, knot_id, pain, kind) SELECT 1, max(id), 4, "
             "'tension' FROM knot",
             "DELETE FROM observation_symptom",
             "INSERT INTO observation_symptom SELECT 1, id FROM symptom WHERE code = "
             "'numbness_tingling'",
             "DELETE FROM observation_referral",
             "INSERT INTO observation_referral VALUES (1, 'front.deltoid.left')",
             "UPDATE observation_referral SET region_code = 'front.deltoid.left'",
             "INSERT INTO treatment (session_id, kind_id) SELECT 1, id FROM treatment_kind "
             "WHERE code = 'heat'",
             "UPDATE treatment SET minutes = 25",
             "UPDATE treatment SET pain_after = 2",
             "UPDATE treatment SET kind_id = (SELECT id FROM treatment_kind WHERE code = 'heat')",
             "DELETE FROM treatment",
             "UPDATE knot SET x = 0.2",
             "UPDATE knot SET region_code = 'back.rhomboid.left'",
             "DELETE FROM knot",
             "DELETE FROM session",
         }) {
        const std::string statement = sql;
        CAPTURE(statement);
        // The knot insert alone is allowed (a new knot is no part of the
        // visit); everything else must fail. Run each in a transaction
        // rolled back, so the allowed one leaves nothing behind.
        f.db.beginWrite();
        const bool newKnot = std::string(sql).rfind("INSERT INTO knot", 0) == 0;
        if (newKnot) {
            CHECK_NOTHROW(f.db.exec(sql));
        } else {
            CHECK_THROWS_WITH_AS(f.db.exec(sql), doctest::Contains("signed"), sql::Error);
        }
        f.db.rollback();
    }
    CHECK(dumpAllTables(f.db) == signedDump);

    // What is the knot's state today, not part of the visit, stays editable.
    f.db.exec("UPDATE knot SET label = 'big one', status = 'resolved'");
}

TEST_CASE("signed visit: a rating's amendment corrects every reader and keeps the original") {
    SignedVisit f;
    RecordAmendment pain = f.rating("pain", "3", "7 was the previous visit's figure");
    amendRecord(f.db, pain);
    CHECK(pain.id > 0);
    CHECK(pain.originalValue == "7");

    // The row holds the corrected value, so charts and exports read it.
    CHECK(ObservationRepository(f.db).listForSession(f.visit.id).at(0).pain == 3);
    CHECK(latestPainByKnot(f.db, f.client.id).at(f.knotId).pain == 3);

    RecordAmendment kind = f.rating("kind", "latent_trigger_point");
    amendRecord(f.db, kind);
    RecordAmendment symptoms = f.rating("symptoms", codeListValue({"taut_band", "aching"}));
    amendRecord(f.db, symptoms);
    CHECK(symptoms.originalValue == R"(["stiffness"])");
    RecordAmendment regions =
        f.rating("referrals", codeListValue({"back.rhomboid.left", "back.levator_scapulae.left"}));
    amendRecord(f.db, regions);
    RecordAmendment notes = f.rating("notes", "Taut band, referral to the scapula");
    amendRecord(f.db, notes);

    const Observation amended = ObservationRepository(f.db).listForSession(f.visit.id).at(0);
    CHECK(amended.kind == ObservationKind::LatentTriggerPoint);
    CHECK(amended.symptomCodes == std::vector<std::string>{"aching", "taut_band"});
    CHECK(amended.referredRegionCodes ==
          std::vector<std::string>{"back.levator_scapulae.left", "back.rhomboid.left"});
    CHECK(amended.notes == "Taut band, referral to the scapula");

    const auto listed = RecordAmendmentRepository(f.db).listForSession(f.visit.id);
    REQUIRE(listed.size() == 5);
    CHECK(listed[0].subject == "back.upper_trapezius.left");
    CHECK(listed[0].author == "Dana Lee");
    CHECK(listed[0].amendedUtc == 1773490000);
    CHECK(listed[0].reason == "7 was the previous visit's figure");
    CHECK(describeChange(listed[0]) == "Pain: 7 \u2192 3");
    CHECK(describeChange(listed[1]) == "Kind: Active trigger point \u2192 Latent trigger point");
    CHECK(describeChange(listed[2]) == "Symptoms: Stiffness \u2192 Aching, Taut, ropey band");
    CHECK(describeChange(listed[4]) == "Notes: empty \u2192 Taut band, referral to the scapula");

    // Still read-only after amending: only a new amendment changes it.
    CHECK_THROWS_AS(f.db.exec("UPDATE observation SET pain = 7"), sql::Error);
    CHECK_THROWS_AS(f.db.exec("DELETE FROM observation_amendment"), sql::Error);
    CHECK_THROWS_AS(f.db.exec("UPDATE observation_amendment SET new_value = '9'"), sql::Error);
}

TEST_CASE("signed visit: a treatment's amendment, with empty values as 'not recorded'") {
    SignedVisit f;
    RecordAmendment minutes = f.treatment("minutes", "25");
    amendRecord(f.db, minutes);
    RecordAmendment after = f.treatment("pain_after", "2");
    amendRecord(f.db, after);
    RecordAmendment kind = f.treatment("kind", "heat");
    amendRecord(f.db, kind);

    const Treatment stored = TreatmentRepository(f.db).listForKnot(f.knotId).at(0);
    CHECK(stored.minutes == 25);
    CHECK(stored.painAfter == 2);
    CHECK(stored.kindCode == "heat");
    const auto listed = RecordAmendmentRepository(f.db).listForSession(f.visit.id);
    REQUIRE(listed.size() == 3);
    CHECK(describeChange(listed[0]) == "Minutes: 10 \u2192 25");
    CHECK(describeChange(listed[1]) == "Pain after: not recorded \u2192 2");
    CHECK(listed[2].originalText == "Massage: trigger point therapy");
    CHECK(listed[2].subject == "Heat"); // the treatment as it reads now
}

TEST_CASE("signed visit: amendments the schema refuses, naming the field") {
    SignedVisit f;
    const std::string before = dumpAllTables(f.db);
    auto refused = [&f](RecordAmendment amendment, const char* message) {
        const std::string expected = message;
        CAPTURE(expected);
        CHECK_THROWS_WITH_AS(amendRecord(f.db, amendment), doctest::Contains(message),
                             ValidationError);
    };
    refused(f.rating("pain", "11"), "Pain: pain is a whole number from 0 to 10");
    refused(f.rating("pain", "x"), "Pain: pain is a whole number from 0 to 10");
    refused(f.rating("pain", "7"), "the same as the value now");
    refused(f.rating("kind", "knot"), "Kind: not a kind of knot");
    refused(f.rating("symptoms", R"(["no_such_symptom"])"), "not in the vocabulary");
    refused(f.rating("symptoms", "stiffness"), "a JSON array of codes");
    refused(f.rating("pain", "3", "  "), "the reason is required");
    refused(f.treatment("minutes", "ten"), "Minutes: minutes are a whole number");
    refused(f.treatment("intensity", "gentle"), "Intensity: not an intensity");
    refused(f.treatment("kind", "no_such_kind"), "not in the vocabulary");
    RecordAmendment anonymous = f.rating("pain", "3");
    anonymous.author = " ";
    refused(anonymous, "the author's name is required");
    CHECK(dumpAllTables(f.db) == before);

    // A forged original (what the rating did not hold) is refused by the schema.
    CHECK_THROWS_WITH_AS(
        f.db.exec("INSERT INTO observation_amendment (observation_id, field, original_value, "
                  "new_value, author, amended_utc, reason) VALUES (1, 'pain', '5', '3', 'X', 0, "
                  "'y')"),
        doctest::Contains("not the value the rating holds now"), sql::Error);
}

TEST_CASE("signed visit: an unsigned visit is edited, not amended") {
    VisitFixture f;
    const Session visit = f.addFullVisit();
    RecordAmendment amendment;
    amendment.recordId = ObservationRepository(f.db).listForSession(visit.id).at(0).id;
    amendment.field = "pain";
    amendment.newValue = "3";
    amendment.author = "Dana Lee";
    amendment.reason = "typo";
    CHECK_THROWS_WITH_AS(amendRecord(f.db, amendment), doctest::Contains("edit it instead"),
                         ValidationError);
}

TEST_CASE("signed visit: a knot logged later that day starts a new check-in") {
    SignedVisit f;
    const LocalTimestamp afternoon = LocalTimestamp::fromLocal({2026, 3, 14, 15, 0, 0}, 60);
    NewKnot knot;
    knot.clientId = f.client.id;
    knot.view = BodyView::Front;
    knot.position = {0.3, 0.3};
    knot.regionCode = "front.deltoid.left";
    CreateKnotCommand create(f.db, knot, afternoon);
    create.apply();
    const auto today = findOrCreateTodaysSession(f.db, f.client.id, afternoon);
    CHECK_FALSE(today.created);
    CHECK(today.session.id != f.visit.id);
    CHECK(today.session.kind == SessionKind::SelfCheckIn);
    CHECK(ObservationRepository(f.db).listForSession(f.visit.id).size() == 1);
}
