#pragma once

#include <optional>
#include <string>
#include <string_view>

// How much a pain rating changed between a first and a latest rating, read the
// IMMPACT way: an improvement is a reduction, and its clinical importance is
// judged by the size of the change relative to where the patient started
// (about 10% minimal, 30% moderate, 50% substantial). The same bands label a
// worsening, so "Worse by 40%" reads as clearly as "Better by 40%".
//
// A percentage of a small number says little: 1 -> 2 is +100% yet still mild
// pain. So a band also needs a change in points (Farrar et al. 2001: about 2
// points on the 0-10 scale, matching 30%, is what patients call "much"
// better): minimal needs at least 1 point, moderate and substantial at least 2.
namespace knotmap {

enum class PainChangeDirection { Better, Worse, Unchanged };

enum class PainChangeBand { NoMeaningfulChange, Minimal, Moderate, Substantial };

struct PainChange {
    int firstPain = 0;
    int latestPain = 0;
    int pointsChange = 0; // latest - first: negative is an improvement
    // (latest - first) / first * 100. None when the first rating is 0: any
    // rise from nothing is an infinite percentage, so the points are reported.
    std::optional<double> percentChange;
    PainChangeDirection direction = PainChangeDirection::Unchanged;
    // None exactly when percentChange is none.
    std::optional<PainChangeBand> band;
};

// The change from firstPain to latestPain (0-10 ratings).
[[nodiscard]] PainChange painChange(int firstPain, int latestPain);

// The fewest points of change each band needs, besides its percentage.
inline constexpr double kMinimalChangePoints = 1.0;
inline constexpr double kImportantChangePoints = 2.0; // moderate and substantial

// The band for a change of `changedPoints` (either sign) from a first rating of
// firstPain > 0. Exact integer arithmetic, so 3 of 10 is Moderate, not a
// floating-point hair below 30%.
[[nodiscard]] PainChangeBand painChangeBand(int changedPoints, int firstPain);
// The same for levels that are means of several ratings (baseline > 0).
[[nodiscard]] PainChangeBand painChangeBand(double changedPoints, double baseline);

// "No meaningful change", "Minimal", "Moderate", "Substantial".
[[nodiscard]] std::string_view bandName(PainChangeBand band);

// "Better by 50%", "Worse by 40%", "No change"; with a first rating of 0,
// "Worse by 3 points". Percentages are rounded to whole numbers.
[[nodiscard]] std::string describeChangeAmount(const PainChange& change);

// The amount with its band, for a chart caption: "Better by 50% (Substantial)",
// "Better by 9% (No meaningful change)", "Worse by 3 points", "No change".
[[nodiscard]] std::string describePainChange(const PainChange& change);

} // namespace knotmap
