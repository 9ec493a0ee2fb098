#include "store/amendment_repository.h"

#include "core/text_trim.h"
#include "store/signed_in_person.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"

#include <string>

namespace knotmap {

void AmendmentRepository::sign(Id sessionId, const SessionSignature& signature) {
    if (isBlank(signature.signedBy)) {
        throw ValidationError("signing: the therapist's name is required");
    }
    // signer: the login, which the person cannot type otherwise (in a
    // practice the server checks it is the one signed in).
    sql::Statement update(m_db, "UPDATE session SET signed_by = ?, signed_utc = ?, signer = ?, "
                                "version = version + 1 WHERE id = ? AND signed_utc IS NULL");
    update.bind(1, signature.signedBy);
    update.bind(2, static_cast<std::int64_t>(signature.signedUtc));
    update.bind(3, signedInPerson(m_db).login);
    update.bind(4, static_cast<std::int64_t>(sessionId));
    if (update.exec() != 1) {
        throw StoreError("session " + std::to_string(sessionId) +
                         " does not exist or is signed already");
    }
}

std::optional<SessionSignature> AmendmentRepository::signature(Id sessionId) {
    sql::Statement query(m_db, "SELECT signed_by, signed_utc FROM session "
                               "WHERE id = ? AND signed_utc IS NOT NULL");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return SessionSignature{query.getColumn(0).getString(), query.getColumn(1).getInt64()};
}

Id AmendmentRepository::add(SessionAmendment& amendment) {
    if (!signature(amendment.sessionId)) {
        throw StoreError("session " + std::to_string(amendment.sessionId) +
                         " is not signed: edit it instead of amending it");
    }
    amendment.id = insert(amendment, false);
    return amendment.id;
}

void AmendmentRepository::restore(const SessionAmendment& amendment) {
    insert(amendment, true);
}

Id AmendmentRepository::insert(const SessionAmendment& amendment, bool withId) {
    sql::Statement insert(
        m_db, withId ? "INSERT INTO session_amendment (session_id, field, original_value, "
                       "new_value, author, amended_utc, reason, author_login, id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
                     : "INSERT INTO session_amendment (session_id, field, original_value, "
                       "new_value, author, amended_utc, reason, author_login) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, static_cast<std::int64_t>(amendment.sessionId));
    insert.bind(2, std::string(toCode(amendment.field)));
    insert.bind(3, amendment.originalValue);
    insert.bind(4, amendment.newValue);
    insert.bind(5, amendment.author);
    insert.bind(6, static_cast<std::int64_t>(amendment.amendedUtc));
    insert.bind(7, amendment.reason);
    insert.bind(8, signedInPerson(m_db).login);
    if (withId) {
        insert.bind(9, static_cast<std::int64_t>(amendment.id));
    }
    return statement_helpers::insertReturningId(insert);
}

void AmendmentRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM session_amendment WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

std::vector<SessionAmendment> AmendmentRepository::listForSession(Id sessionId) {
    sql::Statement query(m_db, "SELECT id, session_id, field, original_value, new_value, "
                               "author, amended_utc, reason FROM session_amendment "
                               "WHERE session_id = ? ORDER BY amended_utc, id");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    std::vector<SessionAmendment> amendments;
    while (query.executeStep()) {
        SessionAmendment amendment;
        amendment.id = query.getColumn(0).getInt64();
        amendment.sessionId = query.getColumn(1).getInt64();
        amendment.field =
            sessionFieldFromCode(query.getColumn(2).getString()).value_or(SessionField::Notes);
        amendment.originalValue = query.getColumn(3).getString();
        amendment.newValue = query.getColumn(4).getString();
        amendment.author = query.getColumn(5).getString();
        amendment.amendedUtc = query.getColumn(6).getInt64();
        amendment.reason = query.getColumn(7).getString();
        amendments.push_back(std::move(amendment));
    }
    return amendments;
}

Session withAmendments(Session session, const std::vector<SessionAmendment>& amendments) {
    for (const SessionAmendment& amendment : amendments) { // oldest first: the latest wins
        setFieldText(session, amendment.field, amendment.newValue);
    }
    return session;
}

} // namespace knotmap
