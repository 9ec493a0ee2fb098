#pragma once

#include "core/atlas.h"
#include "core/client_history.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// "Compared with last visit": what changed between an earlier session A and a
// later session B, knot by knot and region by region.
namespace knotmap {

enum class ComparisonStatus {
    Better,    // in both, pain down by at least the threshold
    Worse,     // in both, pain up by at least the threshold
    Unchanged, // in both, pain moved by less than the threshold
    New,       // only in B
    Gone       // only in A
};

[[nodiscard]] std::string_view displayName(ComparisonStatus status);

struct KnotComparison {
    Id knotId = 0;
    int regionIndex = -1; // -1: the knot's region code is not in the atlas
    std::optional<int> painA;
    std::optional<int> painB;
    // painB - painA with an absent side counted as 0, so a new knot at 7 and
    // a knot that went from 8 to 1 both rank as big changes.
    int difference = 0;
    ComparisonStatus status = ComparisonStatus::Unchanged;
};

struct RegionComparison {
    int regionIndex = 0;
    std::optional<int> painA; // the highest pain of the region's knots in A
    std::optional<int> painB;
    int difference = 0; // as in KnotComparison
    ComparisonStatus status = ComparisonStatus::Unchanged;
};

struct SessionComparison {
    std::size_t sessionA = 0;
    std::size_t sessionB = 0;
    // Both lists: largest absolute difference first, then by knot id / region
    // index, so equal changes keep a stable order between redraws.
    std::vector<KnotComparison> knots;     // knots observed in A or B
    std::vector<RegionComparison> regions; // regions with a knot observed in A or B
};

// Pain ratings are whole numbers, so the default threshold of 1 point counts
// any change of rating as Better or Worse; only an identical rating is
// Unchanged. It is a parameter so a stricter view (the 2-point change often
// quoted as clinically important on the 0-10 scale) is one argument away.
inline constexpr int kComparisonThresholdPoints = 1;

// Compares sessions[sessionA] with sessions[sessionB]. A knot not observed in
// a session counts as absent there (not as pain 0). Empty lists when an index
// is out of range.
[[nodiscard]] SessionComparison compareSessions(const ClientHistory& history, const Atlas& atlas,
                                                std::size_t sessionA, std::size_t sessionB,
                                                int thresholdPoints = kComparisonThresholdPoints);

} // namespace knotmap
