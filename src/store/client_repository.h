#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <string_view>
#include <vector>

namespace knotmap {

class ClientRepository {
public:
    explicit ClientRepository(sql::Connection& db) : m_db(db) {}

    // Saves a new client and sets client.id. Names are unique, ignoring case.
    Id add(Client& client);
    // Returns the row's new version; ConflictError when it moved on since client.version
    // was read (store/row_version.h).
    int update(const Client& client);
    void remove(Id id); // also removes the client's sessions, knots and treatments

    [[nodiscard]] std::optional<Client> get(Id id);
    [[nodiscard]] std::optional<Client> findByName(std::string_view name);
    // Ordered by name; archived clients only when asked for.
    [[nodiscard]] std::vector<Client> list(bool includeArchived = false);

private:
    sql::Connection& m_db;
};

} // namespace knotmap
