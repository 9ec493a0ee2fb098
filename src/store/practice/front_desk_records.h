#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <vector>

// What the front desk of a practice reads and writes (docs/practice.md): who
// the clients are and when they come. The server grants its role only some
// columns of client and session (db/postgresql/007, knotmap_practice_init),
// and refuses a whole statement that names any other, so every query here
// names granted columns only; the repositories, which read whole records,
// are refused. Server only in practice, though nothing here is PostgreSQL's
// own: the same calls run on a file (the unit tests use one).
namespace knotmap {

// A visit as the front desk sees it: when, and what kind; nothing clinical.
struct FrontDeskVisit {
    Id id = 0;
    LocalTimestamp startedAt;
    SessionKind kind = SessionKind::TherapyVisit;
};

// Every client, archived ones too, by name: id, name, birth year, notes
// (the front desk's contact notes), archived and the row version.
[[nodiscard]] std::vector<Client> frontDeskClients(sql::Connection& db);

// The client's visits, newest first.
[[nodiscard]] std::vector<FrontDeskVisit> frontDeskVisits(sql::Connection& db, Id clientId);

// Adds a client with details' name (trimmed), birth year and notes; returns
// the new id. Throws ValidationError as the client list's New client does
// (no name, a name another client has, a birth year out of range), and
// StoreError or sql::Error with the server's reason.
Id addFrontDeskClient(sql::Connection& db, Client details);

// Saves details' name (trimmed), birth year and notes over client
// details.id; returns the row's new version. details.version is the one
// shown: when somebody else changed the client since, nothing is written
// and ConflictError says so (the front desk may not read the audit trail,
// so it cannot say who).
int updateFrontDeskClient(sql::Connection& db, Client details);

// Books a visit of the client at startedAt; returns its id.
Id addFrontDeskVisit(sql::Connection& db, Id clientId, const LocalTimestamp& startedAt,
                     SessionKind kind);

} // namespace knotmap
