#include "store/session_commands.h"

#include "store/amendment_repository.h"
#include "store/row_version.h"
#include "store/session_repository.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {
namespace {

Session requireSession(sql::Connection& db, Id sessionId) {
    auto session = SessionRepository(db).get(sessionId);
    if (!session) {
        throw StoreError("session " + std::to_string(sessionId) + " no longer exists");
    }
    return std::move(*session);
}

// Friendlier than the schema's RAISE, and checked before anything is written.
void requireUnsigned(sql::Connection& db, Id sessionId) {
    if (AmendmentRepository(db).signature(sessionId)) {
        throw StoreError("this visit is signed and can no longer be changed; amend it instead");
    }
}

} // namespace

// --- NewSessionCommand --------------------------------------------------------

NewSessionCommand::NewSessionCommand(sql::Connection& db, Id clientId, SessionKind kind,
                                     LocalTimestamp at)
    : m_db(db) {
    m_session.clientId = clientId;
    m_session.kind = kind;
    m_session.startedAt = at;
}

void NewSessionCommand::apply() {
    WriteTransaction transaction(m_db);
    Session session = m_session;
    if (m_applied) {
        SessionRepository(m_db).restore(session);
    } else {
        SessionRepository(m_db).add(session);
    }
    transaction.commit();
    m_session = std::move(session);
    m_applied = true;
}

void NewSessionCommand::revert() {
    WriteTransaction transaction(m_db);
    SessionRepository(m_db).remove(m_session.id);
    transaction.commit();
}

std::string NewSessionCommand::description() const {
    return m_session.kind == SessionKind::TherapyVisit ? "New therapy visit" : "New check-in";
}

// --- UpdateSessionDetailsCommand -----------------------------------------------

UpdateSessionDetailsCommand::UpdateSessionDetailsCommand(sql::Connection& db, Id sessionId,
                                                         SessionField field, std::string value,
                                                         int baseVersion)
    : m_db(db), m_sessionId(sessionId), m_field(field), m_value(std::move(value)),
      m_expectedVersion(baseVersion) {}

void UpdateSessionDetailsCommand::write(const std::string& value) {
    WriteTransaction transaction(m_db);
    requireUnsigned(m_db, m_sessionId);
    Session session = requireSession(m_db, m_sessionId);
    requireUnchangedSince(m_db, "session", "visit", m_sessionId, m_expectedVersion,
                          session.version);
    const std::string before = fieldText(session, m_field);
    try {
        setFieldText(session, m_field, value);
    } catch (const std::invalid_argument& error) {
        throw ValidationError(std::string(displayName(m_field)) + ": " + error.what());
    }
    const int version = SessionRepository(m_db).update(session);
    transaction.commit();
    m_expectedVersion = version;
    if (!m_before) {
        m_before = before;
    }
}

void UpdateSessionDetailsCommand::apply() {
    write(m_value);
}

void UpdateSessionDetailsCommand::revert() {
    write(*m_before);
}

std::string UpdateSessionDetailsCommand::description() const {
    return "Change " + std::string(displayName(m_field));
}

bool UpdateSessionDetailsCommand::mergeWith(const Command& next) {
    const auto* edit = dynamic_cast<const UpdateSessionDetailsCommand*>(&next);
    if (edit == nullptr || edit->m_sessionId != m_sessionId || edit->m_field != m_field) {
        return false;
    }
    m_value = edit->m_value; // m_before stays: one revert goes back to before the burst
    m_expectedVersion = edit->m_expectedVersion;
    return true;
}

// --- ChangeSessionTimeCommand ------------------------------------------------------

ChangeSessionTimeCommand::ChangeSessionTimeCommand(sql::Connection& db, Id sessionId,
                                                   CivilDateTime localTime)
    : m_db(db), m_sessionId(sessionId), m_localTime(localTime) {}

void ChangeSessionTimeCommand::write(const LocalTimestamp& at) {
    WriteTransaction transaction(m_db);
    requireUnsigned(m_db, m_sessionId);
    Session session = requireSession(m_db, m_sessionId);
    session.startedAt = at;
    SessionRepository(m_db).update(session);
    transaction.commit();
}

void ChangeSessionTimeCommand::apply() {
    if (!isValidCivil(m_localTime)) {
        throw ValidationError("session: not a valid date and time");
    }
    const Session session = requireSession(m_db, m_sessionId);
    const LocalTimestamp before = session.startedAt;
    write(LocalTimestamp::fromLocal(m_localTime, before.offsetMinutes()));
    if (!m_before) {
        m_before = before;
    }
}

void ChangeSessionTimeCommand::revert() {
    write(*m_before);
}

// --- DeleteSessionCommand -----------------------------------------------------------

DeleteSessionCommand::DeleteSessionCommand(sql::Connection& db, Id sessionId)
    : m_db(db), m_sessionId(sessionId) {}

void DeleteSessionCommand::apply() {
    WriteTransaction transaction(m_db);
    if (AmendmentRepository(m_db).signature(m_sessionId)) {
        throw StoreError("this visit is signed: it stays part of the record and cannot be "
                         "deleted; amend it instead");
    }
    SessionSnapshot snapshot = takeSessionSnapshot(m_db, m_sessionId);
    SessionRepository(m_db).remove(m_sessionId);
    transaction.commit();
    m_snapshot = std::move(snapshot);
}

void DeleteSessionCommand::revert() {
    restoreSessionSnapshot(m_db, *m_snapshot);
}

} // namespace knotmap
