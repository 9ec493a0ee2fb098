#pragma once

#include "report/report_data.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

// The weekly summary of self check-ins: what a therapist needs from a
// client's daily log between visits, in one row a week instead of seven.
namespace knotmap::report {

struct CheckInWeek {
    std::string monday; // "YYYY-MM-DD", weeks run Monday to Sunday (ISO 8601)
    std::string sunday;
    int checkIns = 0;
    int rated = 0; // check-ins with an overall pain rating
    std::optional<int> lowestPain;
    std::optional<int> highestPain;
    std::optional<double> meanPain;
    // The regions rated most often that week, most first (ties by name), at most three.
    std::vector<std::pair<std::string, int>> mainRegions;
};

inline constexpr std::size_t kMainRegionsPerWeek = 3;

// One entry per calendar week that has check-ins, oldest first. checkIns
// must be oldest first (as ReportData keeps them).
[[nodiscard]] std::vector<CheckInWeek> summariseWeeks(const std::vector<CheckInRecord>& checkIns);

// "3\u20136 (mean 4.3)", or "\u2013" when no check-in of the week rated pain.
[[nodiscard]] std::string painRangeText(const CheckInWeek& week);
// "Upper trapezius (left) \u00d74, Levator scapulae (right) \u00d72".
[[nodiscard]] std::string mainRegionsText(const CheckInWeek& week);

} // namespace knotmap::report
