#pragma once

#include "store/amendment_repository.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/treatment_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <optional>

// A client with one full therapy visit, for the tests of sessions, signing
// and amendments.
namespace knotmap::testing {

inline LocalTimestamp morning() {
    return LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
}

struct VisitFixture {
    testing::TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("knotmap.db"));
    sql::Connection& db = database.sql();
    Client client;

    VisitFixture() {
        client.name = "Sam Rivera";
        ClientRepository(db).add(client);
    }

    // A therapy visit with a trigger, a knot observed in it with a symptom and
    // a referral, and treatments for the knot and for the whole session.
    Session addFullVisit() {
        Session session;
        session.clientId = client.id;
        session.startedAt = morning();
        session.kind = SessionKind::TherapyVisit;
        session.overallPain = 6;
        session.therapist = "Dana Lee";
        session.subjective = "Neck stiff after travel";
        session.triggerCodes = {"posture"};
        SessionRepository(db).add(session);
        Knot knot;
        knot.clientId = client.id;
        knot.view = BodyView::Back;
        knot.position = {0.41, 0.17};
        knot.regionCode = "back.upper_trapezius.left";
        KnotRepository(db).add(knot);
        Observation observation;
        observation.sessionId = session.id;
        observation.knotId = knot.id;
        observation.pain = 7;
        observation.symptomCodes = {"stiffness"};
        observation.referredRegionCodes = {"back.levator_scapulae.left"};
        ObservationRepository(db).add(observation);
        for (const std::optional<Id> knotId : {std::optional<Id>(knot.id), std::optional<Id>()}) {
            Treatment treatment;
            treatment.sessionId = session.id;
            treatment.knotId = knotId;
            treatment.kindCode = "massage_trigger_point";
            treatment.minutes = 10;
            TreatmentRepository(db).add(treatment);
        }
        return session;
    }

    void sign(Id sessionId) { AmendmentRepository(db).sign(sessionId, {"Dana Lee", 1773480000}); }
};

} // namespace knotmap::testing
