#include "store/client_history_query.h"

#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/write_transaction.h"

#include <unordered_map>

namespace knotmap {
namespace {

using statement_helpers::optionalId;
using statement_helpers::optionalInt;

void readSessions(sql::Connection& db, ClientHistory& history) {
    sql::Statement query(db, "SELECT id, started_utc, utc_offset_min, kind, overall_pain"
                             " FROM session WHERE client_id = ? ORDER BY started_utc, id");
    query.bind(1, static_cast<std::int64_t>(history.clientId));
    while (query.executeStep()) {
        HistorySession session;
        session.id = query.getColumn(0).getInt64();
        session.startedAt =
            LocalTimestamp(query.getColumn(1).getInt64(), query.getColumn(2).getInt());
        session.kind =
            sessionKindFromCode(query.getColumn(3).view()).value_or(SessionKind::SelfCheckIn);
        session.overallPain = optionalInt(query.getColumn(4));
        history.sessions.push_back(session);
    }
}

void readKnots(sql::Connection& db, ClientHistory& history) {
    sql::Statement query(db, "SELECT id, view, x, y, region_code, label, status"
                             " FROM knot WHERE client_id = ? ORDER BY id");
    query.bind(1, static_cast<std::int64_t>(history.clientId));
    while (query.executeStep()) {
        HistoryKnot knot;
        knot.id = query.getColumn(0).getInt64();
        knot.view = bodyViewFromCode(query.getColumn(1).view()).value_or(BodyView::Front);
        knot.position = {query.getColumn(2).getDouble(), query.getColumn(3).getDouble()};
        knot.regionCode = query.getColumn(4).getString();
        knot.label = query.getColumn(5).getString();
        knot.status = knotStatusFromCode(query.getColumn(6).view()).value_or(KnotStatus::Active);
        history.knots.push_back(std::move(knot));
    }
}

// Observations in session order; returns each observation id's position.
std::unordered_map<Id, std::size_t>
readObservations(sql::Connection& db, ClientHistory& history,
                 const std::unordered_map<Id, std::size_t>& sessionIndex) {
    sql::Statement query(db, "SELECT o.id, o.session_id, o.knot_id, o.pain"
                             " FROM session s JOIN observation o ON o.session_id = s.id"
                             " WHERE s.client_id = ? ORDER BY s.started_utc, s.id, o.knot_id");
    query.bind(1, static_cast<std::int64_t>(history.clientId));
    std::unordered_map<Id, std::size_t> positions;
    while (query.executeStep()) {
        HistoryObservation observation;
        observation.session = sessionIndex.at(query.getColumn(1).getInt64());
        observation.knotId = query.getColumn(2).getInt64();
        observation.pain = query.getColumn(3).getInt();
        positions.emplace(query.getColumn(0).getInt64(), history.observations.size());
        history.observations.push_back(std::move(observation));
    }
    return positions;
}

void readSymptoms(sql::Connection& db, ClientHistory& history,
                  const std::unordered_map<Id, std::size_t>& observationIndex) {
    sql::Statement query(db, "SELECT os.observation_id, y.code"
                             " FROM session s JOIN observation o ON o.session_id = s.id"
                             " JOIN observation_symptom os ON os.observation_id = o.id"
                             " JOIN symptom y ON y.id = os.symptom_id"
                             " WHERE s.client_id = ? ORDER BY os.observation_id, y.sort_order,"
                             " y.code");
    query.bind(1, static_cast<std::int64_t>(history.clientId));
    while (query.executeStep()) {
        const std::size_t at = observationIndex.at(query.getColumn(0).getInt64());
        history.observations[at].symptomCodes.push_back(query.getColumn(1).getString());
    }
}

void readTreatments(sql::Connection& db, ClientHistory& history,
                    const std::unordered_map<Id, std::size_t>& sessionIndex) {
    sql::Statement query(db, "SELECT t.session_id, t.knot_id, k.code, t.pain_before,"
                             " t.pain_after"
                             " FROM session s JOIN treatment t ON t.session_id = s.id"
                             " JOIN treatment_kind k ON k.id = t.kind_id"
                             " WHERE s.client_id = ? ORDER BY s.started_utc, s.id, t.id");
    query.bind(1, static_cast<std::int64_t>(history.clientId));
    while (query.executeStep()) {
        HistoryTreatment treatment;
        treatment.session = sessionIndex.at(query.getColumn(0).getInt64());
        treatment.knotId = optionalId(query.getColumn(1));
        treatment.kindCode = query.getColumn(2).getString();
        treatment.painBefore = optionalInt(query.getColumn(3));
        treatment.painAfter = optionalInt(query.getColumn(4));
        history.treatments.push_back(std::move(treatment));
    }
}

} // namespace

ClientHistory loadClientHistory(sql::Connection& db, Id clientId) {
    ClientHistory history;
    history.clientId = clientId;
    // One read transaction: the five queries see the same snapshot even
    // while another connection writes.
    const ReadTransaction snapshot(db);
    readSessions(db, history);
    readKnots(db, history);
    std::unordered_map<Id, std::size_t> sessionIndex;
    sessionIndex.reserve(history.sessions.size());
    for (std::size_t i = 0; i < history.sessions.size(); ++i) {
        sessionIndex.emplace(history.sessions[i].id, i);
    }
    const auto observationIndex = readObservations(db, history, sessionIndex);
    readSymptoms(db, history, observationIndex);
    readTreatments(db, history, sessionIndex);
    return history;
}

} // namespace knotmap
