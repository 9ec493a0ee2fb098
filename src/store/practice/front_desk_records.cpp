#include "store/practice/front_desk_records.h"

#include "core/text_trim.h"
#include "store/client_commands.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <string_view>

namespace knotmap {
namespace {

using namespace statement_helpers;

} // namespace

std::vector<Client> frontDeskClients(sql::Connection& db) {
    sql::Statement query(db, "SELECT id, name, birth_year, notes, archived, version FROM client "
                             "ORDER BY " +
                                 db.caseless("name") + ", id");
    std::vector<Client> clients;
    while (query.executeStep()) {
        Client client;
        client.id = query.getColumn(0).getInt64();
        client.name = query.getColumn(1).getString();
        client.birthYear = optionalInt(query.getColumn(2));
        client.notes = query.getColumn(3).getString();
        client.archived = query.getColumn(4).getInt() != 0;
        client.version = query.getColumn(5).getInt();
        clients.push_back(std::move(client));
    }
    return clients;
}

std::vector<FrontDeskVisit> frontDeskVisits(sql::Connection& db, Id clientId) {
    sql::Statement query(db, "SELECT id, started_utc, utc_offset_min, kind FROM session "
                             "WHERE client_id = ? ORDER BY started_utc DESC, id DESC");
    query.bind(1, static_cast<std::int64_t>(clientId));
    std::vector<FrontDeskVisit> visits;
    while (query.executeStep()) {
        FrontDeskVisit visit;
        visit.id = query.getColumn(0).getInt64();
        visit.startedAt =
            LocalTimestamp(query.getColumn(1).getInt64(), query.getColumn(2).getInt());
        visit.kind =
            sessionKindFromCode(query.getColumn(3).view()).value_or(SessionKind::TherapyVisit);
        visits.push_back(visit);
    }
    return visits;
}

Id addFrontDeskClient(sql::Connection& db, Client details) {
    details.id = 0;
    details.archived = false;
    // Saved as the client list saves it: a stray space neither makes a
    // second "Anna" nor passes for a name.
    details.name = std::string(trimmed(details.name));
    WriteTransaction transaction(db);
    // The client list's own checks, read through the granted columns too.
    requireValidClientDetails(db, details, std::nullopt);
    throwIfInvalid("client", details);
    // id NULL: the server's trigger numbers the row (the role may not use
    // the identity sequence itself).
    sql::Statement insert(db, "INSERT INTO client (id, name, birth_year, notes, archived, "
                              "created_utc) VALUES (NULL, ?, ?, ?, 0, unixepoch()) RETURNING id");
    insert.bind(1, details.name);
    bindOptional(insert, 2, details.birthYear);
    insert.bind(3, details.notes);
    const Id id = insertReturningId(insert);
    transaction.commit();
    return id;
}

int updateFrontDeskClient(sql::Connection& db, Client details) {
    details.name = std::string(trimmed(details.name));
    WriteTransaction transaction(db);
    requireValidClientDetails(db, details, details.id);
    throwIfInvalid("client", details);
    // The version is not among the role's columns to write: the server's
    // trigger moves it on (db/postgresql/007, knotmap_next_version); a file
    // has no such trigger. The WHERE refuses a row somebody else changed
    // since it was shown.
    const std::string nextVersion =
        db.dialect() == sql::Dialect::SQLite ? ", version = version + 1" : "";
    sql::Statement update(db, "UPDATE client SET name = ?, birth_year = ?, notes = ?" +
                                  nextVersion + " WHERE id = ? AND version = ? RETURNING version");
    update.bind(1, details.name);
    bindOptional(update, 2, details.birthYear);
    update.bind(3, details.notes);
    update.bind(4, static_cast<std::int64_t>(details.id));
    update.bind(5, details.version);
    if (!update.executeStep()) {
        sql::Statement exists(db, "SELECT 1 FROM client WHERE id = ?");
        exists.bind(1, static_cast<std::int64_t>(details.id));
        if (exists.executeStep()) {
            throw ConflictError("Someone else changed this client after you opened it; nothing "
                                "of yours was saved over it.");
        }
        throw StoreError("This client no longer exists.");
    }
    const int version = update.getColumn(0).getInt();
    while (update.executeStep()) { // completes the statement
    }
    transaction.commit();
    return version;
}

Id addFrontDeskVisit(sql::Connection& db, Id clientId, const LocalTimestamp& startedAt,
                     SessionKind kind) {
    Session visit;
    visit.clientId = clientId;
    visit.startedAt = startedAt;
    visit.kind = kind;
    throwIfInvalid("visit", visit);
    WriteTransaction transaction(db);
    sql::Statement insert(db, "INSERT INTO session (id, client_id, started_utc, utc_offset_min, "
                              "kind) VALUES (NULL, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, static_cast<std::int64_t>(clientId));
    insert.bind(2, static_cast<std::int64_t>(startedAt.utcSeconds()));
    insert.bind(3, startedAt.offsetMinutes());
    insert.bind(4, toCode(kind));
    const Id id = insertReturningId(insert);
    transaction.commit();
    return id;
}

} // namespace knotmap
