#pragma once

#include "core/record_amendment.h"
#include "core/session_fields.h"
#include "store/sql/connection.h"

#include <vector>

// Corrections of a signed visit. Like signing, they are not undo steps: an
// amendment is part of the clinical record from the moment it is saved, and
// the schema refuses to edit or delete one (docs/sessions.md, "Signing").
namespace knotmap {

// Records a correction of one field of the signed visit: original value (what
// the record showed just before), new value, author, time and reason. Sets
// amendment.id and originalValue. Throws ValidationError when the author is
// blank or the value is not valid for the field, StoreError when the visit is
// not signed.
void amendSession(sql::Connection& db, SessionAmendment& amendment);

// The same for a rating or a treatment of a signed visit; the database
// applies the new value to the row (store/record_amendment_repository.h).
void amendRecord(sql::Connection& db, RecordAmendment& amendment);
// Several corrections made at once (one form), in one transaction: a refusal
// of any leaves none saved.
void amendRecords(sql::Connection& db, std::vector<RecordAmendment> amendments);

} // namespace knotmap
