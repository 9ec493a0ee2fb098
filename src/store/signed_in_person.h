#pragma once

#include "store/sql/connection.h"

#include <string>

namespace knotmap {

// Who is writing, as signatures and amendments record it.
struct SignedInPerson {
    std::string login; // the server login, or the local user for a file
    // A practitioner's name in a practice: signatures and amendments must
    // carry it (the server refuses any other). Empty elsewhere: the person
    // types the name they sign with.
    std::string practiceName;
};

[[nodiscard]] SignedInPerson signedInPerson(sql::Connection& db);

} // namespace knotmap
