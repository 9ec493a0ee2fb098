#include "store/observation_repository.h"

#include "store/row_version.h"
#include "store/statement_helpers.h"
#include "store/write_transaction.h"

namespace knotmap {
namespace {

using namespace statement_helpers;

constexpr const char* kColumns =
    "o.id, o.session_id, o.knot_id, o.pain, o.kind, o.notes, o.version";

Observation readObservation(sql::Statement& row) {
    Observation observation;
    observation.id = row.getColumn(0).getInt64();
    observation.sessionId = row.getColumn(1).getInt64();
    observation.knotId = row.getColumn(2).getInt64();
    observation.pain = row.getColumn(3).getInt();
    observation.kind = observationKindFromCode(row.getColumn(4).getString())
                           .value_or(ObservationKind::ActiveTriggerPoint);
    observation.notes = row.getColumn(5).getString();
    observation.version = row.getColumn(6).getInt();
    return observation;
}

} // namespace

ObservationRepository::ObservationRepository(sql::Connection& db)
    : m_db(db), m_insert(db, "INSERT INTO observation (session_id, knot_id, pain, kind, notes) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id"),
      m_insertSymptom(db, "INSERT INTO observation_symptom (observation_id, symptom_id) "
                          "SELECT ?, id FROM symptom WHERE code = ?"),
      m_insertReferral(db, "INSERT INTO observation_referral (observation_id, region_code) "
                           "VALUES (?, ?)") {}

Id ObservationRepository::add(Observation& observation) {
    throwIfInvalid("observation", observation);
    WriteTransaction transaction(m_db);
    m_insert.tryReset(); // clears a failure left by an earlier call
    m_insert.bind(1, static_cast<std::int64_t>(observation.sessionId));
    m_insert.bind(2, static_cast<std::int64_t>(observation.knotId));
    m_insert.bind(3, observation.pain);
    m_insert.bind(4, std::string(toCode(observation.kind)));
    m_insert.bind(5, observation.notes);
    observation.id = insertReturningId(m_insert);
    saveLists(observation);
    transaction.commit();
    return observation.id;
}

int ObservationRepository::update(const Observation& observation) {
    throwIfInvalid("observation", observation);
    WriteTransaction transaction(m_db);
    sql::Statement update(m_db, "UPDATE observation SET session_id = ?, knot_id = ?, pain = ?, "
                                "kind = ?, notes = ?" +
                                    versionedUpdateTail(observation.version));
    update.bind(1, static_cast<std::int64_t>(observation.sessionId));
    update.bind(2, static_cast<std::int64_t>(observation.knotId));
    update.bind(3, observation.pain);
    update.bind(4, std::string(toCode(observation.kind)));
    update.bind(5, observation.notes);
    update.bind(6, static_cast<std::int64_t>(observation.id));
    if (observation.version > 0) {
        update.bind(7, observation.version);
    }
    const int version = runVersionedUpdate(update, m_db, "observation", "rating", observation.id);
    for (const char* table : {"observation_symptom", "observation_referral"}) {
        sql::Statement clear(m_db,
                             std::string("DELETE FROM ") + table + " WHERE observation_id = ?");
        clear.bind(1, static_cast<std::int64_t>(observation.id));
        clear.exec();
    }
    saveLists(observation);
    transaction.commit();
    return version;
}

void ObservationRepository::restore(const Observation& observation) {
    throwIfInvalid("observation", observation);
    WriteTransaction transaction(m_db);
    sql::Statement insert(m_db, "INSERT INTO observation (session_id, knot_id, pain, kind, "
                                "notes, id) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, static_cast<std::int64_t>(observation.sessionId));
    insert.bind(2, static_cast<std::int64_t>(observation.knotId));
    insert.bind(3, observation.pain);
    insert.bind(4, std::string(toCode(observation.kind)));
    insert.bind(5, observation.notes);
    insert.bind(6, static_cast<std::int64_t>(observation.id));
    insert.exec();
    noteRestoredRow(m_db, "observation", observation.id);
    saveLists(observation);
    transaction.commit();
}

void ObservationRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM observation WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

void ObservationRepository::saveLists(const Observation& observation) {
    linkCodes(m_insertSymptom, observation.id, observation.symptomCodes,
              "observation: unknown symptom");
    linkCodes(m_insertReferral, observation.id, observation.referredRegionCodes,
              "observation: cannot save referred region");
}

void ObservationRepository::loadLists(Observation& observation) {
    sql::Statement symptoms(m_db, "SELECT s.code FROM observation_symptom os JOIN symptom s ON "
                                  "s.id = os.symptom_id WHERE os.observation_id = ? "
                                  "ORDER BY s.sort_order, s.id");
    symptoms.bind(1, static_cast<std::int64_t>(observation.id));
    while (symptoms.executeStep()) {
        observation.symptomCodes.push_back(symptoms.getColumn(0).getString());
    }
    sql::Statement referrals(m_db, "SELECT region_code FROM observation_referral "
                                   "WHERE observation_id = ? ORDER BY region_code");
    referrals.bind(1, static_cast<std::int64_t>(observation.id));
    while (referrals.executeStep()) {
        observation.referredRegionCodes.push_back(referrals.getColumn(0).getString());
    }
}

std::vector<Observation> ObservationRepository::readAll(sql::Statement& query) {
    std::vector<Observation> observations;
    while (query.executeStep()) {
        observations.push_back(readObservation(query));
    }
    for (Observation& observation : observations) {
        loadLists(observation);
    }
    return observations;
}

std::optional<Observation> ObservationRepository::get(Id id) {
    sql::Statement query(m_db,
                         std::string("SELECT ") + kColumns + " FROM observation o WHERE o.id = ?");
    query.bind(1, static_cast<std::int64_t>(id));
    auto found = readAll(query);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::vector<Observation> ObservationRepository::listForSession(Id sessionId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM observation o WHERE o.session_id = ? ORDER BY o.id");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    return readAll(query);
}

std::vector<Observation> ObservationRepository::listForKnot(Id knotId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM observation o JOIN session s ON s.id = o.session_id "
                                   "WHERE o.knot_id = ? ORDER BY s.started_utc, s.id");
    query.bind(1, static_cast<std::int64_t>(knotId));
    return readAll(query);
}

std::optional<Observation> ObservationRepository::latestForKnot(Id knotId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM observation o JOIN session s ON s.id = o.session_id "
                                   "WHERE o.knot_id = ? ORDER BY s.started_utc DESC, s.id DESC "
                                   "LIMIT 1");
    query.bind(1, static_cast<std::int64_t>(knotId));
    auto found = readAll(query);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::optional<Observation> ObservationRepository::findInSession(Id sessionId, Id knotId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM observation o WHERE o.session_id = ? AND "
                                   "o.knot_id = ?");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    query.bind(2, static_cast<std::int64_t>(knotId));
    auto found = readAll(query);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

} // namespace knotmap
