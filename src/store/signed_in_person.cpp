#include "store/signed_in_person.h"

#include "core/local_user.h"
#include "store/practice/practice.h"

namespace knotmap {

SignedInPerson signedInPerson(sql::Connection& db) {
    if (db.dialect() == sql::Dialect::SQLite) {
        return {localUserLogin(), ""};
    }
    if (const auto practitioner = signedInPractitioner(db)) {
        return {practitioner->login, practitioner->name};
    }
    return {db.execAndGet("SELECT session_user").getString(), ""};
}

} // namespace knotmap
