#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <vector>

namespace knotmap {

// A knot with everything that hangs off it, as saved: what deleting the knot
// removes and what undoing the delete must put back under the same ids.
struct KnotSnapshot {
    Knot knot;
    std::vector<Observation> observations; // with their symptoms and referred regions
    std::vector<Treatment> treatments;     // given to this knot
};

// Throws StoreError when the knot does not exist.
[[nodiscard]] KnotSnapshot takeKnotSnapshot(sql::Connection& db, Id knotId);
// Inserts everything in the snapshot under its saved ids, in one transaction.
void restoreKnotSnapshot(sql::Connection& db, const KnotSnapshot& snapshot);

} // namespace knotmap
