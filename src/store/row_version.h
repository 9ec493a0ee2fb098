#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <string>

// Optimistic concurrency. Every row of client, session, knot, observation
// and treatment carries a version that each real change moves on by one
// (db/sqlite/006, db/postgresql/007). A window remembers the version it showed;
// a save based on an older one than the database holds was made without
// seeing somebody else's change, and is refused with who made it and when,
// instead of silently overwriting it.
namespace knotmap {

// The guard every repository update appends: "version = version + 1 WHERE
// id = ? AND version = ? RETURNING version" (the version read in the same
// transaction, so a change committed in between is caught too).
[[nodiscard]] std::string versionedUpdateTail(int readVersion);

// Runs such an update and returns the row's new version. No row changed:
// ConflictError when the row is still there (someone changed it since it was
// read), StoreError "NOUN ID does not exist" otherwise.
int runVersionedUpdate(sql::Statement& update, sql::Connection& db, const char* table,
                       const char* noun, Id id);

// A row this connection put back under its old id (undo of a delete) starts
// again at version 1, its own.
void noteRestoredRow(sql::Connection& db, const char* table, Id id);

// Refuses a save based on version `seen` of a row whose version is now
// `current`, unless they are equal, seen is 0 (not known) or the newer
// versions are this connection's own.
void requireUnchangedSince(sql::Connection& db, const char* table, const char* noun, Id id,
                           int seen, int current);

// Throws the ConflictError for a row changed by someone else: who and when,
// from the audit trail.
[[noreturn]] void throwConflict(sql::Connection& db, const char* table, const char* noun, Id id);

} // namespace knotmap
