#pragma once

#include "store/sql/connection.h"

#include <string>

// Who the audit trail names, and when it stands aside (db/sqlite/006,
// db/postgresql/007).
namespace knotmap {

// The SQLite schema version that brings the trail (db/sqlite/006).
inline constexpr int kSqliteAuditTrailVersion = 6;

// SQLite: a file has no logins, so the trail names audit_actor.person. Sets
// it to login when it differs (one write transaction, only then, so opening
// a file its own user last wrote writes nothing). PostgreSQL: the server's
// login is the person; does nothing.
void recordAuditActor(sql::Connection& db, const std::string& login);

// While `knotmap copy` loads a destination, the trail does not record the
// loading: the source's own trail is copied verbatim instead. Call inside the
// copy's write transaction, resume before it commits. SQLite:
// audit_actor.recording; PostgreSQL: the transaction-local setting
// knotmap.copying, which 007's triggers honour only for the tables' owner.
void pauseAuditRecording(sql::Connection& db);
void resumeAuditRecording(sql::Connection& db);

} // namespace knotmap
