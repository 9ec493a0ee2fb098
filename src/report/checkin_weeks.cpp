#include "report/checkin_weeks.h"

#include "core/timestamp.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace knotmap::report {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t dayNumber(const std::string& date) {
    return daysFromCivil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)),
                         std::stoi(date.substr(8, 2)));
}

std::string dateText(std::int64_t day) {
    const CivilDateTime civil = civilFromSeconds(day * kSecondsPerDay);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
    return text;
}

// 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
std::int64_t mondayOf(std::int64_t day) {
    const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;
    return day - weekday;
}

void finish(CheckInWeek& week, int painSum, const std::map<std::string, int>& regionCounts) {
    if (week.rated > 0) {
        week.meanPain = static_cast<double>(painSum) / week.rated;
    }
    std::vector<std::pair<std::string, int>> regions(regionCounts.begin(), regionCounts.end());
    std::stable_sort(regions.begin(), regions.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (regions.size() > kMainRegionsPerWeek) {
        regions.resize(kMainRegionsPerWeek);
    }
    week.mainRegions = std::move(regions);
}

} // namespace

std::vector<CheckInWeek> summariseWeeks(const std::vector<CheckInRecord>& checkIns) {
    std::vector<CheckInWeek> weeks;
    std::int64_t currentMonday = 0;
    int painSum = 0;
    std::map<std::string, int> regionCounts; // by name, so ties come out in name order
    for (const CheckInRecord& checkIn : checkIns) {
        const std::int64_t monday = mondayOf(dayNumber(checkIn.date));
        if (weeks.empty() || monday != currentMonday) {
            if (!weeks.empty()) {
                finish(weeks.back(), painSum, regionCounts);
            }
            CheckInWeek week;
            week.monday = dateText(monday);
            week.sunday = dateText(monday + 6);
            weeks.push_back(std::move(week));
            currentMonday = monday;
            painSum = 0;
            regionCounts.clear();
        }
        CheckInWeek& week = weeks.back();
        ++week.checkIns;
        if (checkIn.overallPain) {
            const int pain = *checkIn.overallPain;
            ++week.rated;
            painSum += pain;
            week.lowestPain = std::min(week.lowestPain.value_or(pain), pain);
            week.highestPain = std::max(week.highestPain.value_or(pain), pain);
        }
        for (const std::string& region : checkIn.regions) {
            ++regionCounts[region];
        }
    }
    if (!weeks.empty()) {
        finish(weeks.back(), painSum, regionCounts);
    }
    return weeks;
}

std::string painRangeText(const CheckInWeek& week) {
    if (!week.meanPain) {
        return "\u2013";
    }
    char mean[16];
    std::snprintf(mean, sizeof mean, "%.1f", *week.meanPain);
    const std::string range =
        *week.lowestPain == *week.highestPain
            ? std::to_string(*week.lowestPain)
            : std::to_string(*week.lowestPain) + "\u2013" + std::to_string(*week.highestPain);
    return range + " (mean " + mean + ")";
}

std::string mainRegionsText(const CheckInWeek& week) {
    std::string text;
    for (const auto& [name, count] : week.mainRegions) {
        text += (text.empty() ? "" : ", ") + name + " \u00d7" + std::to_string(count);
    }
    return text.empty() ? "no knots rated" : text;
}

} // namespace knotmap::report
