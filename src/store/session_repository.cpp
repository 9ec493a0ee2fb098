#include "store/session_repository.h"

#include "store/row_binding.h"
#include "store/row_version.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/write_transaction.h"

namespace knotmap {
namespace {

using namespace statement_helpers;

constexpr const char* kColumns =
    "s.id, s.client_id, s.started_utc, s.utc_offset_min, s.kind, s.overall_pain, s.stress, "
    "s.sleep, s.therapist, s.subjective, s.objective, s.assessment, s.plan, s.notes, s.version";

Session readSession(sql::Statement& row) {
    Session session;
    session.id = row.getColumn(0).getInt64();
    session.clientId = row.getColumn(1).getInt64();
    session.startedAt = LocalTimestamp(row.getColumn(2).getInt64(), row.getColumn(3).getInt());
    session.kind =
        sessionKindFromCode(row.getColumn(4).getString()).value_or(SessionKind::SelfCheckIn);
    session.overallPain = optionalInt(row.getColumn(5));
    session.stress = optionalInt(row.getColumn(6));
    session.sleep = optionalInt(row.getColumn(7));
    session.therapist = row.getColumn(8).getString();
    session.subjective = row.getColumn(9).getString();
    session.objective = row.getColumn(10).getString();
    session.assessment = row.getColumn(11).getString();
    session.plan = row.getColumn(12).getString();
    session.notes = row.getColumn(13).getString();
    session.version = row.getColumn(14).getInt();
    return session;
}

} // namespace

Id SessionRepository::add(Session& session) {
    throwIfInvalid("session", session);
    WriteTransaction transaction(m_db);
    sql::Statement insert(
        m_db, "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, overall_pain, "
              "stress, sleep, therapist, subjective, objective, assessment, plan, notes) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    bindSessionFields(insert, session);
    session.id = insertReturningId(insert);
    saveTriggers(session);
    transaction.commit();
    return session.id;
}

int SessionRepository::update(const Session& session) {
    throwIfInvalid("session", session);
    WriteTransaction transaction(m_db);
    sql::Statement update(
        m_db, "UPDATE session SET client_id = ?, started_utc = ?, utc_offset_min = ?, kind = ?, "
              "overall_pain = ?, stress = ?, sleep = ?, therapist = ?, subjective = ?, "
              "objective = ?, assessment = ?, plan = ?, notes = ?" +
                  versionedUpdateTail(session.version));
    bindSessionFields(update, session);
    update.bind(14, static_cast<std::int64_t>(session.id));
    if (session.version > 0) {
        update.bind(15, session.version);
    }
    const int version = runVersionedUpdate(update, m_db, "session", "visit", session.id);
    sql::Statement clear(m_db, "DELETE FROM session_trigger WHERE session_id = ?");
    clear.bind(1, static_cast<std::int64_t>(session.id));
    clear.exec();
    saveTriggers(session);
    transaction.commit();
    return version;
}

void SessionRepository::restore(const Session& session) {
    throwIfInvalid("session", session);
    WriteTransaction transaction(m_db);
    sql::Statement insert(
        m_db, "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, overall_pain, "
              "stress, sleep, therapist, subjective, objective, assessment, plan, notes, id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindSessionFields(insert, session);
    insert.bind(14, static_cast<std::int64_t>(session.id));
    insert.exec();
    noteRestoredRow(m_db, "session", session.id);
    saveTriggers(session);
    transaction.commit();
}

void SessionRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM session WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

void SessionRepository::saveTriggers(const Session& session) {
    sql::Statement insert(m_db, "INSERT INTO session_trigger (session_id, trigger_id) "
                                "SELECT ?, id FROM trigger_cause WHERE code = ?");
    linkCodes(insert, session.id, session.triggerCodes, "session: unknown trigger");
}

std::vector<std::string> SessionRepository::loadTriggers(Id sessionId) {
    sql::Statement query(
        m_db, "SELECT t.code FROM session_trigger st JOIN trigger_cause t ON "
              "t.id = st.trigger_id WHERE st.session_id = ? ORDER BY t.sort_order, t.id");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    std::vector<std::string> codes;
    while (query.executeStep()) {
        codes.push_back(query.getColumn(0).getString());
    }
    return codes;
}

std::optional<Session> SessionRepository::get(Id id) {
    sql::Statement query(m_db,
                         std::string("SELECT ") + kColumns + " FROM session s WHERE s.id = ?");
    query.bind(1, static_cast<std::int64_t>(id));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    Session session = readSession(query);
    session.triggerCodes = loadTriggers(id);
    return session;
}

std::vector<SessionSummary> SessionRepository::listForClient(Id clientId) {
    sql::Statement query(
        m_db, std::string("SELECT ") + kColumns +
                  ", (SELECT count(*) FROM observation o WHERE o.session_id = s.id)"
                  ", (SELECT count(*) FROM treatment t WHERE t.session_id = s.id)"
                  ", s.signed_utc IS NOT NULL"
                  " FROM session s WHERE s.client_id = ? ORDER BY s.started_utc DESC, s.id DESC");
    query.bind(1, static_cast<std::int64_t>(clientId));
    std::vector<SessionSummary> sessions;
    while (query.executeStep()) {
        SessionSummary summary;
        summary.session = readSession(query);
        summary.knotCount = query.getColumn(15).getInt();
        summary.treatmentCount = query.getColumn(16).getInt();
        summary.isSigned = query.getColumn(17).getInt() != 0;
        sessions.push_back(std::move(summary));
    }
    return sessions;
}

std::optional<Session> SessionRepository::findLatestOnLocalDate(Id clientId,
                                                                const CivilDateTime& localDay,
                                                                std::optional<SessionKind> kind) {
    // Offsets lie within +-18 h, so every session on that local date started
    // within this window of UTC instants; the window lets the (client_id,
    // started_utc) index narrow the search before the exact date test.
    constexpr std::int64_t kDay = 24 * 60 * 60;
    constexpr std::int64_t kMaxOffset = static_cast<std::int64_t>(kMaxUtcOffsetMinutes) * 60;
    const std::int64_t dayStart = daysFromCivil(localDay.year, localDay.month, localDay.day) * kDay;
    sql::Statement query(m_db,
                         std::string("SELECT ") + kColumns +
                             " FROM session s WHERE s.client_id = ? AND s.started_utc >= ? AND "
                             "s.started_utc < ? AND s.started_utc + s.utc_offset_min * 60 >= ? AND "
                             "s.started_utc + s.utc_offset_min * 60 < ? " +
                             (kind ? "AND s.kind = ? " : "") +
                             "ORDER BY s.started_utc DESC, s.id DESC LIMIT 1");
    query.bind(1, static_cast<std::int64_t>(clientId));
    query.bind(2, static_cast<std::int64_t>(dayStart - kMaxOffset));
    query.bind(3, static_cast<std::int64_t>(dayStart + kDay + kMaxOffset));
    query.bind(4, static_cast<std::int64_t>(dayStart));
    query.bind(5, static_cast<std::int64_t>(dayStart + kDay));
    if (kind) {
        query.bind(6, std::string(toCode(*kind)));
    }
    if (!query.executeStep()) {
        return std::nullopt;
    }
    Session session = readSession(query);
    session.triggerCodes = loadTriggers(session.id);
    return session;
}

std::optional<Session> SessionRepository::findStartedAt(Id clientId, const LocalTimestamp& at,
                                                        SessionKind kind) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM session s WHERE s.client_id = ? AND s.started_utc = ? "
                                   "AND s.kind = ? ORDER BY s.id LIMIT 1");
    query.bind(1, static_cast<std::int64_t>(clientId));
    query.bind(2, at.utcSeconds());
    query.bind(3, std::string(toCode(kind)));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    Session session = readSession(query);
    session.triggerCodes = loadTriggers(session.id);
    return session;
}

} // namespace knotmap
