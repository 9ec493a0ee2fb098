#include "store/session_snapshot.h"

#include "store/amendment_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <string>

namespace knotmap {

SessionSnapshot takeSessionSnapshot(sql::Connection& db, Id sessionId) {
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

void restoreSessionSnapshot(sql::Connection& db, const SessionSnapshot& snapshot) {
    WriteTransaction transaction(db);
    // Everything goes back into the session while it is unsigned (the schema
    // refuses ratings and treatments added to a signed visit), then the
    // signature and its amendments. A signed visit cannot be deleted
    // (db/sqlite/005), so in practice the snapshot of a deleted one is unsigned.
    SessionRepository(db).restore(snapshot.session);
    ObservationRepository observations(db);
    for (const Observation& observation : snapshot.observations) {
        observations.restore(observation);
    }
    TreatmentRepository treatments(db);
    for (const Treatment& treatment : snapshot.treatments) {
        treatments.restore(treatment);
    }
    AmendmentRepository amendments(db);
    if (snapshot.signature) {
        amendments.sign(snapshot.session.id, *snapshot.signature);
    }
    for (const SessionAmendment& amendment : snapshot.amendments) {
        amendments.restore(amendment);
    }
    transaction.commit();
}

} // namespace knotmap
