#pragma once

#include "core/client_history.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How often each symptom was logged, bucketed over time, for the symptom chart.
namespace knotmap {

enum class SymptomBucketSize { Week, Month, Quarter };

[[nodiscard]] std::string_view displayName(SymptomBucketSize size);

struct SymptomBucket {
    // The bucket's first local calendar day, and the day after its last, as
    // days since 1970-01-01: weeks start on Monday (ISO 8601), months on the
    // 1st, quarters on 1 January, April, July and October.
    std::int64_t startDay = 0;
    std::int64_t endDay = 0;
    int observations = 0; // knot observations in the bucket, with or without symptoms
    // Aligned with SymptomFrequency::symptoms: observations naming the
    // symptom, and that count as a share of `observations` (0 when empty).
    std::vector<int> counts;
    std::vector<double> shares;
};

struct SymptomFrequency {
    SymptomBucketSize bucketSize = SymptomBucketSize::Week;
    // Every symptom logged in the data used, most often first, ties by code.
    std::vector<std::string> symptoms;
    std::vector<int> totals; // aligned with symptoms
    // Contiguous from the first to the last bucket holding an observation,
    // including empty buckets, so gaps show as gaps on the time axis.
    std::vector<SymptomBucket> buckets;
};

// Inclusive UTC instants, as chosen in a date-range picker.
struct UtcRange {
    std::int64_t fromUtc = 0;
    std::int64_t toUtc = 0;
};

// Weekly buckets for under ~6 months (183 days), monthly under ~3 years
// (1096 days), quarterly beyond: roughly 4 to 40 bars whatever the span.
[[nodiscard]] SymptomBucketSize symptomBucketSizeFor(std::int64_t spanSeconds);

// Symptom frequency over the sessions in range (all when none). The bucket
// size follows the span between the first and last session used. Each
// observation lands in the bucket of its session's local date, using that
// session's own UTC offset, so a Monday-morning check-in abroad is still a
// Monday. A symptom listed twice on one observation counts once.
[[nodiscard]] SymptomFrequency symptomFrequency(const ClientHistory& history,
                                                std::optional<UtcRange> range = std::nullopt);

} // namespace knotmap
