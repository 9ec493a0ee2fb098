#pragma once

#include "core/domain.h"
#include "core/session_fields.h"
#include "store/sql/connection.h"

#include <optional>
#include <vector>

namespace knotmap {

// A session with everything that hangs off it, as saved: what deleting the
// session removes and what undoing the delete puts back under the same ids.
// Knots are the client's, not the session's: they stay.
struct SessionSnapshot {
    Session session;                           // with its triggers
    std::optional<SessionSignature> signature; // set when the visit was signed
    std::vector<Observation> observations;     // with symptoms and referred regions
    std::vector<Treatment> treatments;
    std::vector<SessionAmendment> amendments;
};

// Throws StoreError when the session does not exist.
[[nodiscard]] SessionSnapshot takeSessionSnapshot(sql::Connection& db, Id sessionId);
// Inserts everything in the snapshot under its saved ids, in one transaction.
void restoreSessionSnapshot(sql::Connection& db, const SessionSnapshot& snapshot);

} // namespace knotmap
