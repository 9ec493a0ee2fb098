#include "core/symptom_frequency.h"

#include <algorithm>
#include <map>
#include <utility>

namespace knotmap {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// A bucket as a single increasing number: the Monday's day number for weeks,
// months since year 0 for months, quarters since year 0 for quarters.
std::int64_t bucketKey(SymptomBucketSize size, std::int64_t localDay) {
    if (size == SymptomBucketSize::Week) {
        // 1970-01-01 (day 0) was a Thursday: days since a Monday = (day + 3) mod 7.
        return localDay - (localDay + 3 - floorDiv(localDay + 3, 7) * 7);
    }
    const CivilDateTime date = civilFromSeconds(localDay * kSecondsPerDay);
    if (size == SymptomBucketSize::Month) {
        return static_cast<std::int64_t>(date.year) * 12 + (date.month - 1);
    }
    return static_cast<std::int64_t>(date.year) * 4 + (date.month - 1) / 3;
}

// The first day of the bucket with the given key, and of the next one.
std::int64_t bucketStartDay(SymptomBucketSize size, std::int64_t key) {
    switch (size) {
    case SymptomBucketSize::Week:
        return key;
    case SymptomBucketSize::Month:
        return daysFromCivil(static_cast<int>(floorDiv(key, 12)),
                             static_cast<int>(key - floorDiv(key, 12) * 12) + 1, 1);
    case SymptomBucketSize::Quarter:
        return daysFromCivil(static_cast<int>(floorDiv(key, 4)),
                             static_cast<int>(key - floorDiv(key, 4) * 4) * 3 + 1, 1);
    }
    return 0;
}

std::int64_t nextKey(SymptomBucketSize size, std::int64_t key) {
    return size == SymptomBucketSize::Week ? key + 7 : key + 1;
}

std::int64_t localDayOf(const LocalTimestamp& at) {
    return floorDiv(at.utcSeconds() + static_cast<std::int64_t>(at.offsetMinutes()) * 60,
                    kSecondsPerDay);
}

} // namespace

std::string_view displayName(SymptomBucketSize size) {
    switch (size) {
    case SymptomBucketSize::Week:
        return "Weekly";
    case SymptomBucketSize::Month:
        return "Monthly";
    case SymptomBucketSize::Quarter:
        return "Quarterly";
    }
    return "";
}

SymptomBucketSize symptomBucketSizeFor(std::int64_t spanSeconds) {
    if (spanSeconds < 183 * kSecondsPerDay) {
        return SymptomBucketSize::Week;
    }
    if (spanSeconds < 1096 * kSecondsPerDay) {
        return SymptomBucketSize::Month;
    }
    return SymptomBucketSize::Quarter;
}

SymptomFrequency symptomFrequency(const ClientHistory& history, std::optional<UtcRange> range) {
    SymptomFrequency result;
    const auto inRange = [&](std::size_t session) {
        if (session >= history.sessions.size()) {
            return false;
        }
        const std::int64_t at = history.sessions[session].startedAt.utcSeconds();
        return !range || (at >= range->fromUtc && at <= range->toUtc);
    };

    // The span of the sessions actually contributing observations.
    std::optional<std::int64_t> firstUtc;
    std::optional<std::int64_t> lastUtc;
    for (const HistoryObservation& observation : history.observations) {
        if (!inRange(observation.session)) {
            continue;
        }
        const std::int64_t at = history.sessions[observation.session].startedAt.utcSeconds();
        firstUtc = firstUtc ? std::min(*firstUtc, at) : at;
        lastUtc = lastUtc ? std::max(*lastUtc, at) : at;
    }
    if (!firstUtc) {
        return result;
    }
    result.bucketSize = symptomBucketSizeFor(*lastUtc - *firstUtc);
    const SymptomBucketSize size = result.bucketSize;

    // Per bucket key: observation count and per-symptom counts.
    struct Tally {
        int observations = 0;
        std::map<std::string, int> counts;
    };
    std::map<std::int64_t, Tally> tallies;
    std::map<std::string, int> totals;
    std::vector<std::string> distinct;
    for (const HistoryObservation& observation : history.observations) {
        if (!inRange(observation.session)) {
            continue;
        }
        const std::int64_t key =
            bucketKey(size, localDayOf(history.sessions[observation.session].startedAt));
        Tally& tally = tallies[key];
        ++tally.observations;
        distinct = observation.symptomCodes;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (const std::string& code : distinct) {
            ++tally.counts[code];
            ++totals[code];
        }
    }

    for (const auto& [code, total] : totals) {
        result.symptoms.push_back(code);
    }
    // The map gave code order; a stable sort by count keeps it among ties.
    std::stable_sort(result.symptoms.begin(), result.symptoms.end(),
                     [&](const std::string& left, const std::string& right) {
                         return totals.at(left) > totals.at(right);
                     });
    for (const std::string& code : result.symptoms) {
        result.totals.push_back(totals.at(code));
    }

    const std::int64_t lastKey = tallies.rbegin()->first;
    for (std::int64_t key = tallies.begin()->first; key <= lastKey; key = nextKey(size, key)) {
        SymptomBucket bucket;
        bucket.startDay = bucketStartDay(size, key);
        bucket.endDay = bucketStartDay(size, nextKey(size, key));
        const auto found = tallies.find(key);
        if (found != tallies.end()) {
            bucket.observations = found->second.observations;
        }
        for (const std::string& code : result.symptoms) {
            int count = 0;
            if (found != tallies.end()) {
                const auto counted = found->second.counts.find(code);
                count = counted == found->second.counts.end() ? 0 : counted->second;
            }
            bucket.counts.push_back(count);
            bucket.shares.push_back(
                bucket.observations == 0 ? 0.0 : static_cast<double>(count) / bucket.observations);
        }
        result.buckets.push_back(std::move(bucket));
    }
    return result;
}

} // namespace knotmap
