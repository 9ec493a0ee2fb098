#pragma once

#include "core/domain.h"
#include "store/import_scratch_database.h"
#include "store/import_spill_file.h"
#include "store/sql/statement.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace knotmap {

// The (session, knot) pairs the import check has seen rated, to find a knot
// rated twice in one session, in memory that does not grow with the rows.
//
// Each call names the session's rank: its place in the input's order of
// sessions (the check uses the line that defines the session), the same on
// every call naming that session, different for every session; or none for
// a session the input does not define. An export lists a session's rows
// together and the sessions in the order of their ranks. While pairs come
// that way, a session's pairs are all in one run: a run with a rank above
// every earlier one is a session never seen before, so only the current
// run's knots are needed in memory, and finished runs are appended to a
// temporary file without any lookup. When the order breaks (a rank below the
// current run's, a run too long to hold), every pair written so far is
// loaded into a table of a scratch SQLite database, and from then on each
// pair is looked up and inserted there. Pairs of unranked sessions always
// go to that table. The answers are the same either way.
class ImportPairSet {
public:
    explicit ImportPairSet(ImportScratchDatabase& scratch) : m_scratch(scratch) {}
    ~ImportPairSet();
    ImportPairSet(const ImportPairSet&) = delete;
    ImportPairSet& operator=(const ImportPairSet&) = delete;

    // Records the pair; false when it was recorded already.
    bool add(std::optional<std::int64_t> rank, Id session, Id knot);
    // Whether the pair was recorded, without recording it.
    [[nodiscard]] bool contains(std::optional<std::int64_t> rank, Id session, Id knot);
    [[nodiscard]] std::int64_t count() const { return m_count; }
    // Whether the order broke and the pairs went to the scratch table (for tests).
    [[nodiscard]] bool fellBack() const { return !m_ordered; }

    // A run may hold this many knots before the set falls back to the table.
    static constexpr std::size_t kMaxRunKnots = 4096;

private:
    struct Pair {
        Id session;
        Id knot;
    };
    [[nodiscard]] bool inRun(Id knot) const;
    void closeRun();
    void fallBack();
    void prepareTable();
    bool tableAdd(Id session, Id knot);
    bool tableHas(Id session, Id knot);

    ImportScratchDatabase& m_scratch;
    std::optional<sql::Statement> m_insert;
    std::optional<sql::Statement> m_select;
    bool m_ordered = true;
    // The current run: its session's rank (0 before the first), knots in the
    // order they came, and the largest of them.
    std::int64_t m_runRank = 0;
    Id m_runSession = 0;
    std::vector<Id> m_runKnots;
    Id m_runLargest = 0;
    // The pairs of the finished runs, as Pair records.
    ImportSpillFile m_finished;
    std::int64_t m_count = 0;
};

} // namespace knotmap
