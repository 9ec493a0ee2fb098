#include "core/pain_change.h"

#include <cmath>
#include <cstdlib>

namespace knotmap {

PainChangeBand painChangeBand(int changedPoints, int firstPain) {
    // Compare |change| / first against p / 100 as |change| * 100 against p * first.
    const long long points = std::abs(static_cast<long long>(changedPoints));
    const long long scaled = points * 100;
    const long long first = firstPain;
    const bool important = static_cast<double>(points) >= kImportantChangePoints;
    if (important && scaled >= 50 * first) {
        return PainChangeBand::Substantial;
    }
    if (important && scaled >= 30 * first) {
        return PainChangeBand::Moderate;
    }
    if (static_cast<double>(points) >= kMinimalChangePoints && scaled >= 10 * first) {
        return PainChangeBand::Minimal;
    }
    return PainChangeBand::NoMeaningfulChange;
}

PainChangeBand painChangeBand(double changedPoints, double baseline) {
    // Means of integer ratings: a hair of rounding must not drop 3 of 10 below 30%.
    constexpr double kSlack = 1e-9;
    const double points = std::fabs(changedPoints);
    const double scaled = points * 100.0;
    const bool important = points + kSlack >= kImportantChangePoints;
    if (important && scaled + kSlack >= 50.0 * baseline) {
        return PainChangeBand::Substantial;
    }
    if (important && scaled + kSlack >= 30.0 * baseline) {
        return PainChangeBand::Moderate;
    }
    if (points + kSlack >= kMinimalChangePoints && scaled + kSlack >= 10.0 * baseline) {
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
