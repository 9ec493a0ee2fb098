#include "core/pain_change.h"

#include <cmath>
#include <cstdlib>

namespace knotmap {

PainChangeBand painChangeBand(int changedPoints, int firstPain) {
    // Compare |change| / first against p / 100 as |change| * 100 against p * first.
    const long long scaled = static_cast<long long>(std::abs(changedPoints)) * 100;
    const long long first = firstPain;
    if (scaled >= 50 * first) {
        return PainChangeBand::Substantial;
    }
    if (scaled >= 30 * first) {
        return PainChangeBand::Moderate;
    }
    if (scaled >= 10 * first) {
        return PainChangeBand::Minimal;
    }
    return PainChangeBand::NoMeaningfulChange;
}

PainChange painChange(int firstPain, int latestPain) {
    PainChange change;
    change.firstPain = firstPain;
    change.latestPain = latestPain;
    change.pointsChange = latestPain - firstPain;
    if (change.pointsChange < 0) {
        change.direction = PainChangeDirection::Better;
    } else if (change.pointsChange > 0) {
        change.direction = PainChangeDirection::Worse;
    }
    if (firstPain > 0) {
        change.percentChange = 100.0 * change.pointsChange / firstPain;
        change.band = painChangeBand(change.pointsChange, firstPain);
    }
    return change;
}

std::string_view bandName(PainChangeBand band) {
    switch (band) {
    case PainChangeBand::NoMeaningfulChange:
        return "No meaningful change";
    case PainChangeBand::Minimal:
        return "Minimal";
    case PainChangeBand::Moderate:
        return "Moderate";
    case PainChangeBand::Substantial:
        return "Substantial";
    }
    return "";
}

std::string describeChangeAmount(const PainChange& change) {
    if (change.direction == PainChangeDirection::Unchanged) {
        return "No change";
    }
    std::string text = change.direction == PainChangeDirection::Better ? "Better by " : "Worse by ";
    if (change.percentChange) {
        text += std::to_string(std::llround(std::fabs(*change.percentChange))) + "%";
    } else {
        const int points = std::abs(change.pointsChange);
        text += std::to_string(points) + (points == 1 ? " point" : " points");
    }
    return text;
}

std::string describePainChange(const PainChange& change) {
    std::string text = describeChangeAmount(change);
    if (change.band && change.direction != PainChangeDirection::Unchanged) {
        text += " (" + std::string(bandName(*change.band)) + ")";
    }
    return text;
}

} // namespace knotmap
