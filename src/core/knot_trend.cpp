#include "core/knot_trend.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace knotmap {

std::vector<double> timeWeightedSmooth(const std::vector<std::int64_t>& utcSeconds,
                                       const std::vector<double>& values, double halfLifeDays) {
    if (utcSeconds.size() != values.size()) {
        throw std::invalid_argument("timeWeightedSmooth: times and values differ in length");
    }
    if (!(halfLifeDays > 0.0)) {
        throw std::invalid_argument("timeWeightedSmooth: the half-life must be positive");
    }
    // Running weighted sum and total weight, both decayed to the current point:
    // O(n) instead of re-weighting the whole past at every point.
    std::vector<double> smoothed;
    smoothed.reserve(values.size());
    double weightedSum = 0.0;
    double totalWeight = 0.0;
    const double halfLifeSeconds = halfLifeDays * 86400.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            const double age = static_cast<double>(utcSeconds[i] - utcSeconds[i - 1]);
            const double decay = std::exp2(-age / halfLifeSeconds);
            weightedSum *= decay;
            totalWeight *= decay;
        }
        weightedSum += values[i];
        totalWeight += 1.0;
        smoothed.push_back(weightedSum / totalWeight);
    }
    return smoothed;
}

std::vector<TimedRating> trendRatings(const KnotTrend& trend) {
    std::vector<TimedRating> ratings;
    ratings.reserve(trend.points.size());
    for (const KnotTrendPoint& point : trend.points) {
        ratings.push_back({point.utcSeconds, static_cast<double>(point.pain)});
    }
    return ratings;
}

KnotTrend knotTrend(const ClientHistory& history, Id knotId, double halfLifeDays) {
    KnotTrend trend;
    trend.knotId = knotId;
    // Sessions where the knot was seen, to attach their whole-session treatments.
    std::vector<bool> observedIn(history.sessions.size(), false);
    for (const HistoryObservation& observation : history.observations) {
        if (observation.knotId != knotId || observation.session >= history.sessions.size()) {
            continue;
        }
        observedIn[observation.session] = true;
        trend.points.push_back({history.sessions[observation.session].startedAt.utcSeconds(),
                                observation.pain, observation.session});
    }
    for (const HistoryTreatment& treatment : history.treatments) {
        if (treatment.session >= history.sessions.size()) {
            continue;
        }
        const bool toThisKnot = treatment.knotId == knotId;
        const bool wholeSession = !treatment.knotId && observedIn[treatment.session];
        if (!toThisKnot && !wholeSession) {
            continue;
        }
        trend.treatments.push_back({history.sessions[treatment.session].startedAt.utcSeconds(),
                                    treatment.session, treatment.kindCode, treatment.painBefore,
                                    treatment.painAfter, wholeSession});
    }

    std::vector<std::int64_t> times;
    std::vector<double> pains;
    times.reserve(trend.points.size());
    pains.reserve(trend.points.size());
    for (const KnotTrendPoint& point : trend.points) {
        times.push_back(point.utcSeconds);
        pains.push_back(point.pain);
    }
    const std::vector<double> smoothed = timeWeightedSmooth(times, pains, halfLifeDays);
    for (std::size_t i = 0; i < smoothed.size(); ++i) {
        trend.smoothed.push_back({times[i], smoothed[i]});
    }
    if (trend.points.size() >= 2) {
        trend.change = painChange(trend.points.front().pain, trend.points.back().pain);
    }
    return trend;
}

} // namespace knotmap
