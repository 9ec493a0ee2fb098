#include "store/session_snapshot.h"

#include "store/amendment_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <string>

namespace knotmap {

SessionSnapshot takeSessionSnapshot(SQLite::Database& db, Id sessionId) {
    auto session = SessionRepository(db).get(sessionId);
    if (!session) {
        throw StoreError("session " + std::to_string(sessionId) + " does not exist");
    }
    AmendmentRepository amendments(db);
    SessionSnapshot snapshot;
    snapshot.session = std::move(*session);
    snapshot.signature = amendments.signature(sessionId);
    snapshot.observations = ObservationRepository(db).listForSession(sessionId);
    snapshot.treatments = TreatmentRepository(db).listForSession(sessionId);
    snapshot.amendments = amendments.listForSession(sessionId);
    return snapshot;
}

void restoreSessionSnapshot(SQLite::Database& db, const SessionSnapshot& snapshot) {
    WriteTransaction transaction(db);
    // The session goes back unsigned first: its triggers cannot be added to a
    // signed session. Signing it again afterwards restores the same row.
    SessionRepository(db).restore(snapshot.session);
    AmendmentRepository amendments(db);
    if (snapshot.signature) {
        amendments.sign(snapshot.session.id, *snapshot.signature);
    }
    for (const SessionAmendment& amendment : snapshot.amendments) {
        amendments.restore(amendment);
    }
    ObservationRepository observations(db);
    for (const Observation& observation : snapshot.observations) {
        observations.restore(observation);
    }
    TreatmentRepository treatments(db);
    for (const Treatment& treatment : snapshot.treatments) {
        treatments.restore(treatment);
    }
    transaction.commit();
}

} // namespace knotmap
