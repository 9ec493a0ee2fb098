#include "store/knot_commands.h"

#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/todays_session.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {
namespace {

// A session the user never touched otherwise: removing it loses nothing.
bool sessionIsBare(sql::Connection& db, Id sessionId) {
    sql::Statement query(db, "SELECT (SELECT count(*) FROM observation WHERE session_id = ?1) + "
                             "(SELECT count(*) FROM treatment WHERE session_id = ?1)");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    query.executeStep();
    return query.getColumn(0).getInt64() == 0;
}

Knot requireKnot(sql::Connection& db, Id knotId) {
    auto knot = KnotRepository(db).get(knotId);
    if (!knot) {
        throw StoreError("knot " + std::to_string(knotId) + " no longer exists");
    }
    return std::move(*knot);
}

} // namespace

// --- NewObservationCommand ----------------------------------------------------

void NewObservationCommand::restoreSession() {
    if (m_newSession && !SessionRepository(m_db).get(m_newSession->id)) {
        SessionRepository(m_db).restore(*m_newSession);
    }
}

void NewObservationCommand::revert() {
    WriteTransaction transaction(m_db);
    ObservationRepository(m_db).remove(m_observation.id);
    removeExtras();
    // Something outside the undo history may have used the session since: keep it then.
    if (m_newSession && sessionIsBare(m_db, m_newSession->id)) {
        SessionRepository(m_db).remove(m_newSession->id);
    }
    transaction.commit();
}

// --- CreateKnotCommand --------------------------------------------------------

CreateKnotCommand::CreateKnotCommand(sql::Connection& db, NewKnot knot, LocalTimestamp now)
    : NewObservationCommand(db, now), m_request(std::move(knot)) {}

void CreateKnotCommand::apply() {
    WriteTransaction transaction(m_db);
    if (m_applied) {
        restoreSession();
        KnotRepository(m_db).restore(m_knot);
        ObservationRepository(m_db).restore(m_observation);
        transaction.commit();
        return;
    }
    // Members change only once everything is saved, so a failed apply leaves
    // the command as it was.
    const TodaysSession today = findOrCreateTodaysSession(m_db, m_request.clientId, m_now);
    Knot knot;
    knot.clientId = m_request.clientId;
    knot.view = m_request.view;
    knot.position = m_request.position;
    knot.regionCode = m_request.regionCode;
    KnotRepository(m_db).add(knot);
    Observation observation;
    observation.sessionId = today.session.id;
    observation.knotId = knot.id;
    observation.pain = m_request.pain;
    observation.kind = m_request.kind;
    ObservationRepository(m_db).add(observation);
    transaction.commit();
    m_newSession = today.created ? std::optional<Session>(today.session) : std::nullopt;
    m_knot = std::move(knot);
    m_observation = std::move(observation);
    m_applied = true;
}

void CreateKnotCommand::removeExtras() {
    KnotRepository(m_db).remove(m_knot.id);
}

// --- LogObservationCommand ----------------------------------------------------

LogObservationCommand::LogObservationCommand(sql::Connection& db, Id knotId, LocalTimestamp now,
                                             Where where)
    : NewObservationCommand(db, now), m_knotId(knotId), m_where(where) {}

void LogObservationCommand::apply() {
    WriteTransaction transaction(m_db);
    if (m_applied) {
        restoreSession();
        ObservationRepository(m_db).restore(m_observation);
        if (m_reactivated) {
            setKnotStatus(KnotStatus::Active);
        }
        transaction.commit();
        return;
    }
    const Knot knot = requireKnot(m_db, m_knotId);
    ObservationRepository observations(m_db);
    // Read before today's session exists, so "latest" is never the new one.
    const std::optional<Observation> latest = observations.latestForKnot(m_knotId);
    const TodaysSession today = m_where == Where::NewCheckIn
                                    ? startCheckIn(m_db, knot.clientId, m_now)
                                    : findOrCreateTodaysSession(m_db, knot.clientId, m_now);
    Observation observation;
    observation.sessionId = today.session.id;
    observation.knotId = m_knotId;
    if (latest) {
        observation.pain = latest->pain;
        observation.kind = latest->kind;
        observation.symptomCodes = latest->symptomCodes;
    } else {
        observation.pain = 5;
    }
    observations.add(observation);
    const bool reactivated = knot.status == KnotStatus::Resolved;
    if (reactivated) {
        setKnotStatus(KnotStatus::Active);
    }
    transaction.commit();
    m_newSession = today.created ? std::optional<Session>(today.session) : std::nullopt;
    m_observation = std::move(observation);
    m_reactivated = reactivated;
    m_applied = true;
}

void LogObservationCommand::removeExtras() {
    if (m_reactivated) {
        setKnotStatus(KnotStatus::Resolved);
    }
}

void LogObservationCommand::setKnotStatus(KnotStatus status) {
    Knot knot = requireKnot(m_db, m_knotId);
    knot.status = status;
    KnotRepository(m_db).update(knot);
}

// --- MoveKnotCommand ----------------------------------------------------------

MoveKnotCommand::MoveKnotCommand(sql::Connection& db, Id knotId, DiagramPoint position,
                                 std::string regionCode)
    : m_db(db), m_knotId(knotId), m_position(position), m_regionCode(std::move(regionCode)) {}

void MoveKnotCommand::apply() {
    WriteTransaction transaction(m_db);
    Knot knot = requireKnot(m_db, m_knotId);
    const Knot before = knot;
    knot.position = m_position;
    knot.regionCode = m_regionCode;
    KnotRepository(m_db).update(knot);
    transaction.commit();
    if (!m_before) {
        m_before = before;
    }
}

void MoveKnotCommand::revert() {
    WriteTransaction transaction(m_db);
    Knot knot = requireKnot(m_db, m_knotId);
    knot.position = m_before->position;
    knot.regionCode = m_before->regionCode;
    KnotRepository(m_db).update(knot);
    transaction.commit();
}

// --- DeleteKnotCommand --------------------------------------------------------

DeleteKnotCommand::DeleteKnotCommand(sql::Connection& db, Id knotId) : m_db(db), m_knotId(knotId) {}

void DeleteKnotCommand::apply() {
    WriteTransaction transaction(m_db);
    KnotSnapshot snapshot = takeKnotSnapshot(m_db, m_knotId);
    KnotRepository(m_db).remove(m_knotId);
    transaction.commit();
    m_snapshot = std::move(snapshot);
}

void DeleteKnotCommand::revert() {
    restoreKnotSnapshot(m_db, *m_snapshot);
}

} // namespace knotmap
