#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/vocabulary_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace knotmap;

namespace {

// Everything saved in one connection is read back identically by a new one.
struct Saved {
    Client client;
    Session session;
    Knot knot;
    Observation observation;
    Treatment knotTreatment;
    Treatment sessionTreatment;
};

Saved saveEverything(Database& database) {
    Saved saved;
    saved.client = {0, "Zoë Fernández", 1988, "Desk worker; \"tight\" shoulders", false};
    ClientRepository(database.sql()).add(saved.client);

    saved.session.clientId = saved.client.id;
    saved.session.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, -4 * 60);
    saved.session.kind = SessionKind::TherapyVisit;
    saved.session.overallPain = 6;
    saved.session.stress = 7;
    saved.session.sleep = 4;
    saved.session.triggerCodes = {"posture", "stress"};
    saved.session.therapist = "Dana Whitfield";
    saved.session.subjective = "Neck stiff after a long week at the desk.";
    saved.session.objective = "Taut band in left upper trapezius.";
    saved.session.assessment = "Active trigger point, referral to temple.";
    saved.session.plan = "Heat and stretching daily; review in one week.";
    saved.session.notes = "Line one\nline two, with a comma";
    SessionRepository(database.sql()).add(saved.session);

    saved.knot = {0,
                  saved.client.id,
                  BodyView::Back,
                  {0.4125, 0.171875},
                  "back.upper_trapezius.left",
                  "Left upper trap",
                  KnotStatus::Active};
    KnotRepository(database.sql()).add(saved.knot);

    saved.observation = {0,
                         saved.session.id,
                         saved.knot.id,
                         7,
                         ObservationKind::ActiveTriggerPoint,
                         {"tenderness", "headache"},
                         {"back.suboccipitals.left", "front.temporalis.left"},
                         "Refers to the temple 💆"};
    ObservationRepository(database.sql()).add(saved.observation);

    saved.knotTreatment = {0,
                           saved.session.id,
                           saved.knot.id,
                           "massage_trigger_point",
                           8,
                           Intensity::Firm,
                           7,
                           4,
                           "",
                           "Sustained pressure, release felt"};
    saved.sessionTreatment = {0,
                              saved.session.id,
                              std::nullopt,
                              "medication",
                              std::nullopt,
                              std::nullopt,
                              std::nullopt,
                              std::nullopt,
                              "Ibuprofen 400 mg",
                              ""};
    TreatmentRepository treatments(database.sql());
    treatments.add(saved.knotTreatment);
    treatments.add(saved.sessionTreatment);
    return saved;
}

void checkSameTreatment(const Treatment& a, const Treatment& b) {
    CHECK(a.id == b.id);
    CHECK(a.sessionId == b.sessionId);
    CHECK(a.knotId == b.knotId);
    CHECK(a.kindCode == b.kindCode);
    CHECK(a.minutes == b.minutes);
    CHECK(a.intensity == b.intensity);
    CHECK(a.painBefore == b.painBefore);
    CHECK(a.painAfter == b.painAfter);
    CHECK(a.medication == b.medication);
    CHECK(a.notes == b.notes);
}

} // namespace

TEST_CASE("every entity round-trips through a real database file") {
    testing::TempFolder folder;
    const auto path = folder.file("knotmap.db");
    Saved saved;
    {
        Database database = testing::openTestDatabase(path);
        saved = saveEverything(database);
    }
    Database database = testing::openTestDatabase(path);

    const auto client = ClientRepository(database.sql()).get(saved.client.id);
    REQUIRE(client);
    CHECK(client->name == saved.client.name);
    CHECK(client->birthYear == 1988);
    CHECK(client->notes == saved.client.notes);
    CHECK_FALSE(client->archived);

    const auto session = SessionRepository(database.sql()).get(saved.session.id);
    REQUIRE(session);
    CHECK(session->startedAt == saved.session.startedAt);
    CHECK(session->startedAt.toIso8601() == "2026-03-14T09:30:00-04:00");
    CHECK(session->kind == SessionKind::TherapyVisit);
    CHECK(session->overallPain == 6);
    CHECK(session->stress == 7);
    CHECK(session->sleep == 4);
    CHECK(session->triggerCodes == std::vector<std::string>{"posture", "stress"});
    CHECK(session->therapist == saved.session.therapist);
    CHECK(session->subjective == saved.session.subjective);
    CHECK(session->objective == saved.session.objective);
    CHECK(session->assessment == saved.session.assessment);
    CHECK(session->plan == saved.session.plan);
    CHECK(session->notes == saved.session.notes);

    const auto knot = KnotRepository(database.sql()).get(saved.knot.id);
    REQUIRE(knot);
    CHECK(knot->view == BodyView::Back);
    CHECK(knot->position.x == saved.knot.position.x); // exact: stored as REAL
    CHECK(knot->position.y == saved.knot.position.y);
    CHECK(knot->regionCode == saved.knot.regionCode);
    CHECK(knot->label == saved.knot.label);
    CHECK(knot->status == KnotStatus::Active);

    const auto observation = ObservationRepository(database.sql()).get(saved.observation.id);
    REQUIRE(observation);
    CHECK(observation->pain == 7);
    CHECK(observation->kind == ObservationKind::ActiveTriggerPoint);
    CHECK(observation->symptomCodes == std::vector<std::string>{"tenderness", "headache"});
    CHECK(observation->referredRegionCodes ==
          std::vector<std::string>{"back.suboccipitals.left", "front.temporalis.left"});
    CHECK(observation->notes == saved.observation.notes);

    const auto treatments = TreatmentRepository(database.sql()).listForSession(saved.session.id);
    REQUIRE(treatments.size() == 2);
    checkSameTreatment(treatments[0], saved.knotTreatment);
    checkSameTreatment(treatments[1], saved.sessionTreatment);

    const auto summaries = SessionRepository(database.sql()).listForClient(saved.client.id);
    REQUIRE(summaries.size() == 1);
    CHECK(summaries[0].knotCount == 1);
    CHECK(summaries[0].treatmentCount == 2);
}

TEST_CASE("updates replace fields and lists and removals take dependants with them") {
    Database database = testing::openTestDatabase();
    Saved saved = saveEverything(database);

    saved.observation.pain = 3;
    saved.observation.symptomCodes = {"stiffness"};
    saved.observation.referredRegionCodes = {};
    ObservationRepository(database.sql()).update(saved.observation);
    const auto observation = ObservationRepository(database.sql()).get(saved.observation.id);
    CHECK(observation->pain == 3);
    CHECK(observation->symptomCodes == std::vector<std::string>{"stiffness"});
    CHECK(observation->referredRegionCodes.empty());

    saved.knot.status = KnotStatus::Resolved;
    saved.knot.position = {0.5, 0.5};
    KnotRepository(database.sql()).update(saved.knot);
    CHECK(KnotRepository(database.sql()).get(saved.knot.id)->status == KnotStatus::Resolved);

    saved.session.triggerCodes = {"poor_sleep"};
    saved.session.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 18, 0, 0}, 0);
    SessionRepository(database.sql()).update(saved.session);
    const auto session = SessionRepository(database.sql()).get(saved.session.id);
    CHECK(session->triggerCodes == std::vector<std::string>{"poor_sleep"});
    CHECK(session->startedAt.toIso8601() == "2026-03-14T18:00:00+00:00");

    SessionRepository(database.sql()).remove(saved.session.id);
    CHECK(database.sql().execAndGet("SELECT count(*) FROM observation").getInt() == 0);
    CHECK(database.sql().execAndGet("SELECT count(*) FROM treatment").getInt() == 0);
    CHECK(KnotRepository(database.sql()).listForClient(saved.client.id).size() == 1);
}

TEST_CASE("a knot's observations come back in session time order, not insertion order") {
    Database database = testing::openTestDatabase();
    Saved saved = saveEverything(database);
    Session earlier;
    earlier.clientId = saved.client.id;
    earlier.startedAt = LocalTimestamp::fromLocal({2026, 3, 1, 9, 0, 0}, 0);
    SessionRepository(database.sql()).add(earlier);
    Observation first{0, earlier.id, saved.knot.id, 9, ObservationKind::Spasm, {}, {}, ""};
    ObservationRepository(database.sql()).add(first);
    const auto history = ObservationRepository(database.sql()).listForKnot(saved.knot.id);
    REQUIRE(history.size() == 2);
    CHECK(history[0].pain == 9);
    CHECK(history[1].pain == 7);
}

TEST_CASE("vocabularies: custom entries are added, renamed and hidden, never lost") {
    Database database = testing::openTestDatabase();
    VocabularyRepository vocabulary(database.sql());
    const auto builtin = vocabulary.list(Vocabulary::Symptom);
    const VocabularyItem jaw = vocabulary.add(Vocabulary::Symptom, "  Jaw clenching! ");
    CHECK(jaw.name == "Jaw clenching!");
    CHECK(jaw.code == "custom_jaw_clenching");
    CHECK_THROWS_AS(vocabulary.add(Vocabulary::Symptom, "jaw CLENCHING!"), ValidationError);
    CHECK_THROWS_AS(vocabulary.add(Vocabulary::Symptom, "   "), ValidationError);
    const VocabularyItem jaw2 = vocabulary.add(Vocabulary::Symptom, "Jaw clenching?");
    CHECK(jaw2.code == "custom_jaw_clenching_2");
    CHECK(vocabulary.list(Vocabulary::Symptom).size() == builtin.size() + 2);

    vocabulary.rename(Vocabulary::Symptom, jaw.id, "Jaw clenching at night");
    vocabulary.setHidden(Vocabulary::Symptom, jaw.id, true);
    CHECK(vocabulary.list(Vocabulary::Symptom).size() == builtin.size() + 1);
    const auto all = vocabulary.list(Vocabulary::Symptom, true);
    CHECK(all.size() == builtin.size() + 2);
    CHECK(std::any_of(all.begin(), all.end(), [&](const VocabularyItem& item) {
        return item.id == jaw.id && item.hidden && item.name == "Jaw clenching at night" &&
               item.code == "custom_jaw_clenching";
    }));
    CHECK(vocabulary.list(Vocabulary::TreatmentKind).size() == 17);
    CHECK(vocabulary.list(Vocabulary::Trigger).size() == 7);
}
