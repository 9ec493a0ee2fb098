#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <optional>
#include <vector>

namespace knotmap {

class TreatmentRepository {
public:
    explicit TreatmentRepository(sql::Connection& db);

    // Sets treatment.id. The kind must be a code from the treatment vocabulary.
    Id add(Treatment& treatment);
    // Returns the row's new version; ConflictError when it moved on since treatment.version
    // was read (store/row_version.h).
    int update(const Treatment& treatment);
    void remove(Id id);
    // Saves a treatment that was removed earlier under its old id (undo).
    void restore(const Treatment& treatment);

    [[nodiscard]] std::optional<Treatment> get(Id id);
    [[nodiscard]] std::vector<Treatment> listForSession(Id sessionId);
    // Treatments given to one knot, in any session.
    [[nodiscard]] std::vector<Treatment> listForKnot(Id knotId);

private:
    void bindFields(sql::Statement& statement, const Treatment& treatment);
    std::vector<Treatment> readAll(sql::Statement& query);

    sql::Connection& m_db;
    sql::Statement m_insert; // kept prepared for bulk writes
    sql::Statement m_kindExists;
};

} // namespace knotmap
