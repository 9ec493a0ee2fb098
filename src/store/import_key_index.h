#pragma once

#include "core/domain.h"
#include "store/import_id_set.h"
#include "store/import_pair_set.h"
#include "store/import_scratch_database.h"
#include "store/import_session_table.h"
#include "store/import_treatment_kinds.h"

#include <cstdint>
#include <optional>
#include <string>

namespace knotmap {

// What the import check must remember of every session, observation and
// treatment it has read: each session's client, time and kind, which
// (session, knot) pairs are rated, which treatment ids are taken, and each
// pair's treatment kinds. In-memory maps of these cost about 80 bytes per
// observation and 100 per session (200 MB for a practice's 1.7 million
// observations); a temporary SQLite database bounded that, but with a B-tree
// lookup or insert per row. Now they are kept in a way that uses the order
// of an export (ImportSessionTable, ImportPairSet, ImportTreatmentKinds) and
// a bit per id (ImportIdSet): nothing is looked up on disk while the input
// comes in that order, and the scratch database is used only once it does
// not. Memory does not grow with the rows either way (up to 8 MB of bits
// each for session and treatment ids, and the scratch database's 8 MB cache).
//
// A session's rank is its place in the input's order of sessions: the check
// passes the line that defines it (sessions.csv, or the first row naming it
// in an observations file), or none for a session the input does not define.
class ImportKeyIndex {
public:
    using Rank = std::optional<std::int64_t>;

    [[nodiscard]] ImportSessionTable& sessions() { return m_sessions; }

    // Records that knot is rated in session; false when it was already.
    bool addObservation(Rank rank, Id session, Id knot) { return m_pairs.add(rank, session, knot); }
    // Whether the pair was recorded, without recording it.
    [[nodiscard]] bool hasObservation(Rank rank, Id session, Id knot) {
        return m_pairs.contains(rank, session, knot);
    }
    [[nodiscard]] std::int64_t observationCount() const { return m_pairs.count(); }

    void addTreatmentId(Id id) { m_treatmentIds.add(id); }
    [[nodiscard]] bool hasTreatmentId(Id id) { return m_treatmentIds.contains(id); }
    // Adds a treatment kind to a pair's list, after the ones before it.
    void addTreatmentCode(Rank rank, Id session, Id knot, const std::string& code) {
        m_treatmentKinds.add(rank, session, knot, code);
    }
    // The pair's treatment kinds in file order, joined by ';' ("" for none).
    [[nodiscard]] std::string treatmentCodes(Rank rank, Id session, Id knot) {
        return m_treatmentKinds.codes(rank, session, knot);
    }

private:
    // The scratch database first: the others' statements go before it.
    ImportScratchDatabase m_scratch;
    ImportSessionTable m_sessions{m_scratch};
    ImportPairSet m_pairs{m_scratch};
    ImportIdSet m_treatmentIds{m_scratch, "treatment_id"};
    ImportTreatmentKinds m_treatmentKinds{m_scratch};
};

} // namespace knotmap
