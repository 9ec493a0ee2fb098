#pragma once

#include "core/domain.h"
#include "store/sql/statement.h"

// Binds a record's columns, in the order the repositories' INSERT and UPDATE
// statements list them, to parameters 1..N; the id, when the statement has
// one, is the caller's to bind after them. Shared by the repositories and the
// CSV import, which writes many rows through prepared statements.
namespace knotmap {

// client_id, started_utc, utc_offset_min, kind, overall_pain, stress, sleep,
// therapist, subjective, objective, assessment, plan, notes (13 parameters).
void bindSessionFields(sql::Statement& statement, const Session& session);

// client_id, view, x, y, region_code, label, status (7 parameters).
void bindKnotFields(sql::Statement& statement, const Knot& knot);

} // namespace knotmap
