#include "store/knot_snapshot.h"

#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <string>

namespace knotmap {

KnotSnapshot takeKnotSnapshot(sql::Connection& db, Id knotId) {
    auto knot = KnotRepository(db).get(knotId);
    if (!knot) {
        throw StoreError("knot " + std::to_string(knotId) + " does not exist");
    }
    KnotSnapshot snapshot;
    snapshot.knot = std::move(*knot);
    snapshot.observations = ObservationRepository(db).listForKnot(knotId);
    snapshot.treatments = TreatmentRepository(db).listForKnot(knotId);
    return snapshot;
}

void restoreKnotSnapshot(sql::Connection& db, const KnotSnapshot& snapshot) {
    WriteTransaction transaction(db);
    KnotRepository(db).restore(snapshot.knot);
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
