#include "store/client_repository.h"

#include "store/row_version.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"

namespace knotmap {
namespace {

using namespace statement_helpers;

constexpr const char* kColumns = "id, name, birth_year, notes, archived, version";

Client readClient(sql::Statement& row) {
    Client client;
    client.id = row.getColumn(0).getInt64();
    client.name = row.getColumn(1).getString();
    client.birthYear = optionalInt(row.getColumn(2));
    client.notes = row.getColumn(3).getString();
    client.archived = row.getColumn(4).getInt() != 0;
    client.version = row.getColumn(5).getInt();
    return client;
}

} // namespace

Id ClientRepository::add(Client& client) {
    throwIfInvalid("client", client);
    sql::Statement insert(m_db, "INSERT INTO client (name, birth_year, notes, archived, "
                                "created_utc) VALUES (?, ?, ?, ?, unixepoch()) RETURNING id");
    insert.bind(1, client.name);
    bindOptional(insert, 2, client.birthYear);
    insert.bind(3, client.notes);
    insert.bind(4, client.archived ? 1 : 0);
    client.id = insertReturningId(insert);
    return client.id;
}

int ClientRepository::update(const Client& client) {
    throwIfInvalid("client", client);
    sql::Statement update(m_db, "UPDATE client SET name = ?, birth_year = ?, notes = ?, "
                                "archived = ?" +
                                    versionedUpdateTail(client.version));
    update.bind(1, client.name);
    bindOptional(update, 2, client.birthYear);
    update.bind(3, client.notes);
    update.bind(4, client.archived ? 1 : 0);
    update.bind(5, static_cast<std::int64_t>(client.id));
    if (client.version > 0) {
        update.bind(6, client.version);
    }
    return runVersionedUpdate(update, m_db, "client", "client", client.id);
}

void ClientRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM client WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

std::optional<Client> ClientRepository::get(Id id) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM client WHERE id = ?");
    query.bind(1, static_cast<std::int64_t>(id));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return readClient(query);
}

std::optional<Client> ClientRepository::findByName(std::string_view name) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM client WHERE " +
                                   m_db.caseless("name") + " = " + m_db.caseless("?"));
    query.bind(1, std::string(name));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return readClient(query);
}

std::vector<Client> ClientRepository::list(bool includeArchived) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM client WHERE archived = 0 OR ? = 1 ORDER BY " +
                                   m_db.caseless("name"));
    query.bind(1, includeArchived ? 1 : 0);
    std::vector<Client> clients;
    while (query.executeStep()) {
        clients.push_back(readClient(query));
    }
    return clients;
}

} // namespace knotmap
