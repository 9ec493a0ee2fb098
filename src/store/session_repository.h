#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <vector>

namespace knotmap {

// A session with the counts a timeline shows beside it.
struct SessionSummary {
    Session session;
    int knotCount = 0;      // knots observed in the session
    int treatmentCount = 0; // treatments given in the session
    bool isSigned = false;  // a signed visit: read-only (docs/sessions.md)
};

class SessionRepository {
public:
    explicit SessionRepository(sql::Connection& db) : m_db(db) {}

    // Saves a new session with its triggers (one transaction) and sets session.id.
    Id add(Session& session);
    // Returns the row's new version; ConflictError when it moved on since session.version
    // was read (store/row_version.h).
    int update(const Session& session);
    void remove(Id id); // also removes its observations and treatments
    // Saves a session that was removed earlier under its old id (undo).
    void restore(const Session& session);

    [[nodiscard]] std::optional<Session> get(Id id);
    // The client's sessions, newest first.
    [[nodiscard]] std::vector<SessionSummary> listForClient(Id clientId);
    // The client's latest session whose own local date (at the session's own
    // UTC offset) is localDay's date; localDay's time of day is ignored.
    // With a kind, only sessions of that kind.
    [[nodiscard]] std::optional<Session>
    findLatestOnLocalDate(Id clientId, const CivilDateTime& localDay,
                          std::optional<SessionKind> kind = std::nullopt);
    // The client's first session of this kind that started at exactly this instant.
    [[nodiscard]] std::optional<Session> findStartedAt(Id clientId, const LocalTimestamp& at,
                                                       SessionKind kind);

private:
    void saveTriggers(const Session& session);
    std::vector<std::string> loadTriggers(Id sessionId);

    sql::Connection& m_db;
};

} // namespace knotmap
