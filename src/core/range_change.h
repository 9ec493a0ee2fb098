#pragma once

#include "core/pain_change.h"
#include "core/symptom_frequency.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The headline over a chart: how pain changed across the period the chart
// shows, comparing like with like. One rating against one rating is noise (a
// good day at the start, a bad one at the end), so each end of the range is a
// level, the mean of the ratings in its first and last stretch, and the bands
// of pain_change.h (percentage and points) judge the difference. A fall and a
// relapse between two similar ends is a story of its own, not "no change".
// The rule, in words, is in docs/history.md ("The headline").
namespace knotmap {

struct TimedRating {
    std::int64_t utcSeconds = 0;
    double pain = 0.0;
};

// The mean of some ratings: one end of the range, or its low or high point.
struct PainLevel {
    double mean = 0.0;
    int ratings = 0;
};

enum class RangeStory {
    NotEnough,         // fewer than two ratings in the range
    AboutTheSame,      // the ends less than a point apart, nothing in between
    Better,            // the recent level at least a point below the baseline
    Worse,             // ... at least a point above it
    FellThenRelapsed,  // ends alike, with a low at least 2 points below both
    FlaredThenSettled, // ends alike, with a high at least 2 points above both
};

// How a headline is coloured: improvement and worsening only for a moderate
// or substantial change (or a relapse), never for a minimal one.
enum class ChangeTone { Neutral, Improvement, Worsening };

struct RangeChange {
    RangeStory story = RangeStory::NotEnough;
    int ratings = 0;                     // in the range
    double windowDays = 0.0;             // the length of each end's stretch
    PainLevel baseline;                  // the first stretch
    PainLevel recent;                    // the last stretch
    std::optional<PainLevel> turn;       // the low (relapse) or high (flare) between
    double pointsChange = 0.0;           // recent - baseline
    std::optional<double> percentChange; // none when the baseline is 0
    std::optional<PainChangeBand> band;  // none when the baseline is 0
    ChangeTone tone = ChangeTone::Neutral;
};

// Each end's stretch: a sixth of the range, at least a week, at most a third
// of the time between the range's first and last ratings (so the two never
// overlap).
inline constexpr double kEndStretchShare = 1.0 / 6.0;
inline constexpr double kMinEndStretchDays = 7.0;
// A fall or a flare between the ends must be at least this deep to be told.
inline constexpr double kTurnPoints = kImportantChangePoints;

// The span a chart opens on: the last spanSeconds up to the latest rating (all
// of them for 0), as the time chart's first window; empty ratings: {0, 0}.
[[nodiscard]] UtcRange latestSpan(const std::vector<TimedRating>& ratings, double spanSeconds);

// The change over the ratings inside range (inclusive); ratings in time order.
[[nodiscard]] RangeChange rangeChange(const std::vector<TimedRating>& ratings, UtcRange range);

// The coloured part: "Better by 2.5 points, 42% (Moderate)", "Worse by 1 point,
// 100% (Minimal)", "Fell to 2, then relapsed: 6 \u2192 2 \u2192 6", "About the
// same", "Rated once in this range".
[[nodiscard]] std::string rangeHeadline(const RangeChange& change);

// The muted part: what was compared, e.g. "mean 6 in the first 15 days
// (5 ratings) \u2192 3.5 in the last 15 days (6 ratings)".
[[nodiscard]] std::string rangeDetail(const RangeChange& change);

// A level for display: one decimal, without a trailing ".0".
[[nodiscard]] std::string formatLevel(double value);

} // namespace knotmap
