#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>

// "Today's session": where a knot logged from the body map goes. Today is the
// local date of now; a session counts as today's when its own local date (at
// the offset it was recorded with) is that date, so a session logged while
// travelling keeps the date it had where it happened.
namespace knotmap {

struct TodaysSession {
    Session session;
    bool created = false; // no session of the client was on today's date
};

// The client's latest session on now's local date, or a new self check-in at
// now when there is none or the latest is a signed visit. Joins the caller's transaction, if any.
[[nodiscard]] TodaysSession findOrCreateTodaysSession(sql::Connection& db, Id clientId,
                                                      const LocalTimestamp& now);

// A new self check-in of the client at now, whatever today already holds.
// Joins the caller's transaction, if any.
[[nodiscard]] TodaysSession startCheckIn(sql::Connection& db, Id clientId,
                                         const LocalTimestamp& now);

// The knot's observation in today's session, when it has been logged today.
[[nodiscard]] std::optional<Observation>
findTodaysObservation(sql::Connection& db, Id clientId, Id knotId, const LocalTimestamp& now);

} // namespace knotmap
