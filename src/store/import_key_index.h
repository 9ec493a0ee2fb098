#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "store/sql/statement.h"

#include <memory>
#include <optional>
#include <string>

namespace knotmap {

// What the import check must remember of every observation and treatment it
// has read: which (session, knot) pairs are rated, which treatment ids are
// taken, and each pair's treatment kinds. Held in a private temporary SQLite
// database (deleted when closed) whose page cache is capped at a few
// megabytes, so the check's memory does not grow with the rows: before, an
// in-memory set of pairs cost about 80 bytes per observation (200 MB for a
// practice's 1.7 million). Past the cache, pages go to a temporary file the
// operating system caches.
class ImportKeyIndex {
public:
    ImportKeyIndex();
    ~ImportKeyIndex();
    ImportKeyIndex(const ImportKeyIndex&) = delete;
    ImportKeyIndex& operator=(const ImportKeyIndex&) = delete;

    // Records that knot is rated in session; false when it was already.
    bool addObservation(Id session, Id knot);
    // Whether the pair was recorded, without recording it.
    [[nodiscard]] bool hasObservation(Id session, Id knot);
    [[nodiscard]] std::int64_t observationCount() const { return m_observations; }

    void addTreatmentId(Id id);
    [[nodiscard]] bool hasTreatmentId(Id id);
    // Adds a treatment kind to a pair's list, after the ones before it.
    void addTreatmentCode(Id session, Id knot, const std::string& code);
    // The pair's treatment kinds in file order, joined by ';' ("" for none).
    [[nodiscard]] std::string treatmentCodes(Id session, Id knot);

private:
    std::unique_ptr<sql::Connection> m_db;
    std::optional<sql::Statement> m_addObservation;
    std::optional<sql::Statement> m_hasObservation;
    std::optional<sql::Statement> m_addTreatmentId;
    std::optional<sql::Statement> m_hasTreatmentId;
    std::optional<sql::Statement> m_addTreatmentCode;
    std::optional<sql::Statement> m_treatmentCodes;
    std::int64_t m_observations = 0;
    std::int64_t m_treatmentCodeCount = 0;
};

} // namespace knotmap
