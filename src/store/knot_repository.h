#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <vector>

namespace knotmap {

class KnotRepository {
public:
    explicit KnotRepository(sql::Connection& db) : m_db(db) {}

    Id add(Knot& knot); // sets knot.id
    // Returns the row's new version; ConflictError when it moved on since knot.version
    // was read (store/row_version.h).
    int update(const Knot& knot);
    void remove(Id id); // also removes its observations and treatments
    // Saves a knot that was removed earlier under its old id (undo of a delete).
    void restore(const Knot& knot);

    [[nodiscard]] std::optional<Knot> get(Id id);
    [[nodiscard]] std::vector<Knot> listForClient(Id clientId);

private:
    sql::Connection& m_db;
};

} // namespace knotmap
