#pragma once

#include "core/session_fields.h"
#include "store/sql/connection.h"

#include <optional>
#include <vector>

namespace knotmap {

// Signing visits and their amendments (db/sqlite/003_session_signing.sql). The
// schema itself keeps a signed session read-only; this is the way to sign
// one and to record corrections beside it.
class AmendmentRepository {
public:
    explicit AmendmentRepository(sql::Connection& db) : m_db(db) {}

    // Throws StoreError when the session does not exist or is signed already.
    void sign(Id sessionId, const SessionSignature& signature);
    [[nodiscard]] std::optional<SessionSignature> signature(Id sessionId);

    // Sets amendment.id. Throws StoreError when the session is not signed:
    // an unsigned session is simply edited.
    Id add(SessionAmendment& amendment);
    void remove(Id id);
    // Puts back an amendment removed earlier under its old id (undo, redo).
    void restore(const SessionAmendment& amendment);
    // Oldest first.
    [[nodiscard]] std::vector<SessionAmendment> listForSession(Id sessionId);

private:
    Id insert(const SessionAmendment& amendment, bool withId);

    sql::Connection& m_db;
};

// The session as it reads now: the signed values with each field's latest
// amendment applied.
[[nodiscard]] Session withAmendments(Session session,
                                     const std::vector<SessionAmendment>& amendments);

} // namespace knotmap
