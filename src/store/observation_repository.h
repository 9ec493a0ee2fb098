#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <optional>
#include <vector>

namespace knotmap {

class ObservationRepository {
public:
    explicit ObservationRepository(sql::Connection& db);

    // Saves the observation with its symptoms and referred regions in one
    // transaction and sets observation.id. Unknown symptom codes are rejected.
    Id add(Observation& observation);
    // Returns the row's new version; ConflictError when it moved on since observation.version
    // was read (store/row_version.h).
    int update(const Observation& observation);
    void remove(Id id);
    // Saves an observation that was removed earlier under its old id (undo).
    void restore(const Observation& observation);

    [[nodiscard]] std::optional<Observation> get(Id id);
    [[nodiscard]] std::vector<Observation> listForSession(Id sessionId);
    // The knot's observations in session time order.
    [[nodiscard]] std::vector<Observation> listForKnot(Id knotId);
    // The knot's observation in its latest session, if it was ever observed.
    [[nodiscard]] std::optional<Observation> latestForKnot(Id knotId);
    [[nodiscard]] std::optional<Observation> findInSession(Id sessionId, Id knotId);

private:
    void saveLists(const Observation& observation);
    void loadLists(Observation& observation);
    std::vector<Observation> readAll(sql::Statement& query);

    sql::Connection& m_db;
    // Kept prepared: the demo generator and importer add observations by the million.
    sql::Statement m_insert;
    sql::Statement m_insertSymptom;
    sql::Statement m_insertReferral;
};

} // namespace knotmap
