#pragma once

#include "store/database.h"
#include "store/store_error.h"

// What `knotmap copy` checks before it writes anything.
namespace knotmap::copy {

// A copy refused before anything was written: the destination holds records,
// is the source itself, or is not a schema this Knotmap can copy. The message
// names the database.
class CopyRefused : public StoreError {
public:
    using StoreError::StoreError;
};

// Refuses copying a database onto itself: the same file (by device and inode,
// however its path is spelt), or the same schema of the same database on the
// same running server (however the connection string is spelt).
void refuseSameDatabase(Database& source, Database& destination);

// Refuses a database with a table or column the copy plan does not know (a
// newer schema, or someone's own table), which a copy would leave behind, or
// without one it knows.
void requireCopyableSchema(Database& database);

// Refuses a destination holding anything but what a new database holds:
// any client, session, knot or amendment, or vocabulary entries other than
// the built-in ones as they were seeded (a renamed or hidden one, an added
// one). Run inside the copy's write transaction, so nothing is added between
// the check and the copy.
void requireEmptyDestination(Database& destination);

} // namespace knotmap::copy
