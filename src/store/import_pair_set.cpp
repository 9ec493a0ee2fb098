#include "store/import_pair_set.h"

#include <algorithm>

namespace knotmap {

ImportPairSet::~ImportPairSet() {
    // Statements before the scratch connection they were prepared on.
    m_insert.reset();
    m_select.reset();
}

bool ImportPairSet::add(std::optional<std::int64_t> rank, Id session, Id knot) {
    if (m_ordered && rank) {
        if (*rank == m_runRank && session == m_runSession) {
            if (inRun(knot)) {
                return false;
            }
            if (m_runKnots.size() < kMaxRunKnots) {
                m_runKnots.push_back(knot);
                m_runLargest = std::max(m_runLargest, knot);
                ++m_count;
                return true;
            }
            fallBack();
        } else if (*rank > m_runRank) {
            closeRun();
            m_runRank = *rank;
            m_runSession = session;
            m_runKnots.push_back(knot);
            m_runLargest = knot;
            ++m_count;
            return true;
        } else {
            // A session seen before, or one ranked before the current run:
            // its earlier pairs may be anywhere in the finished runs.
            fallBack();
        }
    }
    const bool added = tableAdd(session, knot);
    if (added) {
        ++m_count;
    }
    return added;
}

bool ImportPairSet::contains(std::optional<std::int64_t> rank, Id session, Id knot) {
    if (m_ordered && rank) {
        if (*rank == m_runRank && session == m_runSession) {
            return inRun(knot);
        }
        if (*rank > m_runRank) {
            return false; // every pair so far is of a session ranked lower
        }
        fallBack();
    }
    return tableHas(session, knot);
}

bool ImportPairSet::inRun(Id knot) const {
    // An export lists a session's knots in increasing order: the usual new
    // knot is past the largest so far and needs no search.
    if (m_runKnots.empty() || knot > m_runLargest) {
        return false;
    }
    return std::find(m_runKnots.begin(), m_runKnots.end(), knot) != m_runKnots.end();
}

void ImportPairSet::closeRun() {
    for (const Id knot : m_runKnots) {
        m_finished.put(Pair{m_runSession, knot});
    }
    m_runKnots.clear();
}

void ImportPairSet::fallBack() {
    m_ordered = false;
    prepareTable();
    closeRun();
    m_finished.rewind();
    Pair pair{};
    while (m_finished.get(pair)) {
        tableAdd(pair.session, pair.knot);
    }
    m_finished.clear();
    m_runKnots.shrink_to_fit();
}

void ImportPairSet::prepareTable() {
    if (m_insert) {
        return;
    }
    sql::Connection& db = m_scratch.connection();
    db.exec("CREATE TABLE observed (session INTEGER, knot INTEGER, "
            "PRIMARY KEY (session, knot)) WITHOUT ROWID");
    m_insert.emplace(db, "INSERT INTO observed (session, knot) VALUES (?, ?) "
                         "ON CONFLICT DO NOTHING RETURNING 1");
    m_select.emplace(db, "SELECT 1 FROM observed WHERE session = ? AND knot = ?");
}

bool ImportPairSet::tableAdd(Id session, Id knot) {
    prepareTable();
    m_insert->tryReset();
    m_insert->bind(1, static_cast<long long>(session));
    m_insert->bind(2, static_cast<long long>(knot));
    return m_insert->executeStep();
}

bool ImportPairSet::tableHas(Id session, Id knot) {
    prepareTable();
    m_select->tryReset();
    m_select->bind(1, static_cast<long long>(session));
    m_select->bind(2, static_cast<long long>(knot));
    return m_select->executeStep();
}

} // namespace knotmap
