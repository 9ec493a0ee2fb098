#include "store/todays_session.h"

#include "store/amendment_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"

namespace knotmap {

TodaysSession findOrCreateTodaysSession(sql::Connection& db, Id clientId,
                                        const LocalTimestamp& now) {
    SessionRepository sessions(db);
    auto existing = sessions.findLatestOnLocalDate(clientId, now.local());
    // A signed visit takes nothing more (db/sqlite/005): a knot logged after it
    // starts a new check-in, as on a day with no session yet.
    if (existing && !AmendmentRepository(db).signature(existing->id)) {
        return {std::move(*existing), false};
    }
    return startCheckIn(db, clientId, now);
}

TodaysSession startCheckIn(sql::Connection& db, Id clientId, const LocalTimestamp& now) {
    SessionRepository sessions(db);
    TodaysSession today;
    today.session.clientId = clientId;
    today.session.startedAt = now;
    today.session.kind = SessionKind::SelfCheckIn;
    sessions.add(today.session);
    today.created = true;
    return today;
}

std::optional<Observation> findTodaysObservation(sql::Connection& db, Id clientId, Id knotId,
                                                 const LocalTimestamp& now) {
    const auto session = SessionRepository(db).findLatestOnLocalDate(clientId, now.local());
    if (!session) {
        return std::nullopt;
    }
    return ObservationRepository(db).findInSession(session->id, knotId);
}

} // namespace knotmap
