#include "core/range_change.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace knotmap {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr const char* kArrow = " \u2192 ";

// Means over time windows of ratings in time order, each in O(log n): the
// headline is recomputed as the chart is panned, so a frame must not pay
// for a scan per rating.
class Levels {
public:
    explicit Levels(const std::vector<TimedRating>& ratings) {
        m_times.reserve(ratings.size());
        m_sums.reserve(ratings.size() + 1);
        m_sums.push_back(0.0);
        for (const TimedRating& rating : ratings) {
            m_times.push_back(static_cast<double>(rating.utcSeconds));
            m_sums.push_back(m_sums.back() + rating.pain);
        }
    }

    // The mean of the ratings with fromUtc <= time <= toUtc.
    [[nodiscard]] PainLevel between(double fromUtc, double toUtc) const {
        const auto lo = std::lower_bound(m_times.begin(), m_times.end(), fromUtc) - m_times.begin();
        const auto hi = std::upper_bound(m_times.begin(), m_times.end(), toUtc) - m_times.begin();
        PainLevel level;
        level.ratings = static_cast<int>(std::max<std::ptrdiff_t>(0, hi - lo));
        level.mean =
            level.ratings > 0
                ? (m_sums[static_cast<std::size_t>(hi)] - m_sums[static_cast<std::size_t>(lo)]) /
                      level.ratings
                : 0.0;
        return level;
    }

private:
    std::vector<double> m_times;
    std::vector<double> m_sums; // m_sums[i]: the sum of the first i ratings
};

std::string pointsText(double points) {
    const std::string text = formatLevel(std::fabs(points));
    return text + (text == "1" ? " point" : " points");
}

std::string stretchText(double windowDays, bool first) {
    const long days = std::lround(windowDays);
    if (days < 1) {
        return first ? "at the start" : "at the end";
    }
    return std::string(first ? "over the first " : "over the last ") + std::to_string(days) +
           (days == 1 ? " day" : " days");
}

std::string ratingsText(int count) {
    return std::to_string(count) + (count == 1 ? " rating" : " ratings");
}

} // namespace

std::string formatLevel(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text == "-0" ? "0" : text;
}

UtcRange latestSpan(const std::vector<TimedRating>& ratings, double spanSeconds) {
    if (ratings.empty()) {
        return {};
    }
    const std::int64_t last = ratings.back().utcSeconds;
    const std::int64_t first = ratings.front().utcSeconds;
    if (spanSeconds <= 0.0) {
        return {first, last};
    }
    return {std::max(first, last - static_cast<std::int64_t>(std::llround(spanSeconds))), last};
}

RangeChange rangeChange(const std::vector<TimedRating>& all, UtcRange range) {
    RangeChange change;
    std::vector<TimedRating> ratings;
    for (const TimedRating& rating : all) {
        if (rating.utcSeconds >= range.fromUtc && rating.utcSeconds <= range.toUtc) {
            ratings.push_back(rating);
        }
    }
    change.ratings = static_cast<int>(ratings.size());
    if (ratings.size() < 2) {
        if (!ratings.empty()) {
            change.baseline = change.recent = {ratings.front().pain, 1};
        }
        return change;
    }

    const auto first = static_cast<double>(ratings.front().utcSeconds);
    const auto last = static_cast<double>(ratings.back().utcSeconds);
    const double rangeSpan = static_cast<double>(range.toUtc - range.fromUtc);
    const double window =
        std::min(std::max(kMinEndStretchDays * kSecondsPerDay, rangeSpan * kEndStretchShare),
                 (last - first) / 3.0);
    change.windowDays = window / kSecondsPerDay;
    const Levels levels(ratings);
    change.baseline = levels.between(first, first + window);
    change.recent = levels.between(last - window, last);
    change.pointsChange = change.recent.mean - change.baseline.mean;
    if (change.baseline.mean > 0.0) {
        change.percentChange = 100.0 * change.pointsChange / change.baseline.mean;
        change.band = painChangeBand(change.pointsChange, change.baseline.mean);
    }

    // The lowest and highest stretch between the ends, each a mean over a
    // window as wide as an end's, centred on a rating there: one odd rating
    // is not a relapse.
    std::optional<PainLevel> low;
    std::optional<PainLevel> high;
    for (const TimedRating& rating : ratings) {
        const auto t = static_cast<double>(rating.utcSeconds);
        if (t <= first + window || t >= last - window) {
            continue;
        }
        const PainLevel level = levels.between(t - window / 2, t + window / 2);
        if (!low || level.mean < low->mean) {
            low = level;
        }
        if (!high || level.mean > high->mean) {
            high = level;
        }
    }
    const double lowest = std::min(change.baseline.mean, change.recent.mean);
    const double highest = std::max(change.baseline.mean, change.recent.mean);
    constexpr double kSlack = 1e-9;
    const double fall = low ? lowest - low->mean : 0.0;
    const double flare = high ? high->mean - highest : 0.0;
    const bool relapsed = fall + kSlack >= kTurnPoints;
    const bool flared = flare + kSlack >= kTurnPoints;
    if (relapsed && (!flared || fall >= flare)) {
        change.turn = low;
    } else if (flared) {
        change.turn = high;
    }

    const bool meaningful = std::fabs(change.pointsChange) + kSlack >= kMinimalChangePoints;
    if (meaningful) {
        change.story = change.pointsChange < 0 ? RangeStory::Better : RangeStory::Worse;
    } else if (change.turn) {
        change.story = relapsed && change.turn->mean < lowest ? RangeStory::FellThenRelapsed
                                                              : RangeStory::FlaredThenSettled;
    } else {
        change.story = RangeStory::AboutTheSame;
    }

    const bool important = change.band
                               ? (*change.band == PainChangeBand::Moderate ||
                                  *change.band == PainChangeBand::Substantial)
                               : std::fabs(change.pointsChange) + kSlack >= kImportantChangePoints;
    if (change.story == RangeStory::Better && important) {
        change.tone = ChangeTone::Improvement;
    } else if ((change.story == RangeStory::Worse && important) ||
               change.story == RangeStory::FellThenRelapsed) {
        change.tone = ChangeTone::Worsening;
    }
    return change;
}

std::string rangeHeadline(const RangeChange& change) {
    const std::string from = formatLevel(change.baseline.mean);
    const std::string to = formatLevel(change.recent.mean);
    switch (change.story) {
    case RangeStory::NotEnough:
        return change.ratings == 0 ? "Not rated in this range" : "Rated once in this range";
    case RangeStory::AboutTheSame:
        return "About the same: " + from + kArrow + to;
    case RangeStory::FellThenRelapsed:
    case RangeStory::FlaredThenSettled: {
        const std::string turn = formatLevel(change.turn->mean);
        return (change.story == RangeStory::FellThenRelapsed
                    ? "Fell to " + turn + ", then relapsed: "
                    : "Flared to " + turn + ", then settled: ") +
               from + kArrow + turn + kArrow + to;
    }
    case RangeStory::Better:
    case RangeStory::Worse:
        break;
    }
    std::string text = change.story == RangeStory::Better ? "Better by " : "Worse by ";
    text += pointsText(change.pointsChange);
    if (change.percentChange && change.band) {
        text += ", " + std::to_string(std::llround(std::fabs(*change.percentChange))) + "% (" +
                std::string(bandName(*change.band)) + ")";
    } else {
        text += " (from 0)";
    }
    if (change.turn) {
        text += (change.turn->mean < std::min(change.baseline.mean, change.recent.mean)
                     ? ", after a low of "
                     : ", after a high of ") +
                formatLevel(change.turn->mean);
    }
    return text;
}

std::string rangeDetail(const RangeChange& change) {
    if (change.story == RangeStory::NotEnough) {
        return change.ratings == 0 ? "" : "pain " + formatLevel(change.baseline.mean);
    }
    return "mean " + formatLevel(change.baseline.mean) + " " +
           stretchText(change.windowDays, true) + " (" + ratingsText(change.baseline.ratings) +
           ")" + kArrow + formatLevel(change.recent.mean) + " " +
           stretchText(change.windowDays, false) + " (" + ratingsText(change.recent.ratings) + ")";
}

} // namespace knotmap
