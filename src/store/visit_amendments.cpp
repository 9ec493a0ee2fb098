#include "store/visit_amendments.h"

#include "core/text_trim.h"
#include "store/amendment_repository.h"
#include "store/record_amendment_repository.h"
#include "store/session_repository.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <stdexcept>
#include <string>

namespace knotmap {

void amendSession(sql::Connection& db, SessionAmendment& amendment) {
    if (isBlank(amendment.author)) {
        throw ValidationError("amendment: the author's name is required");
    }
    WriteTransaction transaction(db);
    auto session = SessionRepository(db).get(amendment.sessionId);
    if (!session) {
        throw StoreError("session " + std::to_string(amendment.sessionId) + " no longer exists");
    }
    AmendmentRepository amendments(db);
    // The value it corrects is what the record showed just before.
    const Session current =
        withAmendments(std::move(*session), amendments.listForSession(amendment.sessionId));
    amendment.originalValue = fieldText(current, amendment.field);
    Session check = current;
    try {
        setFieldText(check, amendment.field, amendment.newValue);
    } catch (const std::invalid_argument& error) {
        throw ValidationError(std::string(displayName(amendment.field)) + ": " + error.what());
    }
    amendments.add(amendment);
    transaction.commit();
}

void amendRecord(sql::Connection& db, RecordAmendment& amendment) {
    WriteTransaction transaction(db);
    RecordAmendmentRepository(db).add(amendment);
    transaction.commit();
}

void amendRecords(sql::Connection& db, std::vector<RecordAmendment> amendments) {
    WriteTransaction transaction(db);
    RecordAmendmentRepository repository(db);
    for (RecordAmendment& amendment : amendments) {
        repository.add(amendment);
    }
    transaction.commit();
}

} // namespace knotmap
