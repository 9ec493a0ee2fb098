#pragma once

#include "store/sql/connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Reading the audit trail (db/sqlite/006, db/postgresql/007): every insert,
// update and delete of clinical data, written by the database's own
// triggers. Only read here; nothing in Knotmap writes it.
namespace knotmap {

struct AuditEvent {
    std::int64_t id = 0;
    std::int64_t atUtc = 0;
    std::string person;     // the login (a file: the local user)
    std::string personName; // a practitioner's name, else the login
    std::string table;
    std::int64_t rowId = 0;
    std::string action; // insert, update, delete
    std::optional<std::int64_t> clientId;
    std::string clientName;            // empty when the client is gone or unseen
    std::optional<std::string> before; // the whole row as JSON
    std::optional<std::string> after;
};

struct AuditFilter {
    std::optional<std::int64_t> clientId;
    std::optional<std::int64_t> fromUtc; // inclusive
    std::optional<std::int64_t> toUtc;   // exclusive
    // One record (the window's "History"): its id, in these tables (a
    // rating's row and its symptoms and referred regions, which the trail
    // keeps under the rating's id).
    std::vector<std::string> tables;
    std::optional<std::int64_t> rowId;
};

// Oldest first. On a practice's server the server shows each login only
// what it may see (a practitioner: their clients' events).
[[nodiscard]] std::vector<AuditEvent> readAuditTrail(sql::Connection& db,
                                                     const AuditFilter& filter);

} // namespace knotmap
