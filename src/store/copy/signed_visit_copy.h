#pragma once

#include "store/copy/copy_plan.h"
#include "store/copy/row_writer.h"
#include "store/sql/connection.h"

#include <cstdint>
#include <functional>

// The part of a copy that the signed-visit rules shape (db/sqlite/003 and
// 005, db/postgresql/003 and 004). A signed visit takes no more triggers,
// ratings or treatments, so sessions are loaded unsigned and signed once
// their contents are in. A rating's or treatment's amendment is checked
// against its row and applied to it by the schema, so those rows are loaded
// as they were when signed (copy_plan.cpp) and the amendments replayed, one
// statement each and in id order, as the app inserted them.
namespace knotmap::copy {

// Loads the symptoms (table observation_symptom) or referred regions
// (observation_referral) that ratings with such an amendment had when their
// visit was signed: the first amendment's original_value, a JSON array of
// codes. Returns the rows written.
std::int64_t loadListsBeforeAmendments(sql::Connection& source, const CopyTable& table,
                                       RowWriter& writer);

// Signs the destination's sessions as the source's are (signed_by, signed_utc).
void signSessions(sql::Connection& source, sql::Connection& destination);

// Inserts the amendments of table (observation_amendment or
// treatment_amendment) one statement each in id order; the schema checks and
// applies each. onRow is called after each.
void replayAmendments(sql::Connection& source, sql::Connection& destination, const CopyTable& table,
                      const std::function<void()>& onRow);

// Signing a session and applying an amendment each raise the row's version
// (db/sqlite/006); gives the destination's signed sessions and amended
// ratings and treatments the source's versions back.
void restoreVersions(sql::Connection& source, sql::Connection& destination);

// Compares every amended rating and treatment in both databases, field by
// field as amendments read them; throws StoreError naming the first that
// differs (the replay did not arrive at the source's values).
void checkAmendedRecords(sql::Connection& source, sql::Connection& destination);

} // namespace knotmap::copy
