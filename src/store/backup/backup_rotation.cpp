#include "store/backup/backup_rotation.h"

#include "core/timestamp.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace knotmap {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t dayOf(std::int64_t time) {
    return floorDiv(time, kDay);
}

// 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
std::int64_t weekOf(std::int64_t time) {
    return floorDiv(dayOf(time) + 3, 7);
}

std::int64_t monthOf(std::int64_t time) {
    const CivilDateTime civil = civilFromSeconds(time);
    return static_cast<std::int64_t>(civil.year) * 12 + civil.month - 1;
}

} // namespace

std::vector<std::size_t> backupsToPrune(const std::vector<std::int64_t>& times, std::int64_t now) {
    std::vector<std::size_t> newestFirst(times.size());
    std::iota(newestFirst.begin(), newestFirst.end(), std::size_t{0});
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [&](std::size_t a, std::size_t b) { return times[a] > times[b]; });
    std::set<std::size_t> keep;
    // Walking newest first, the first backup seen in a period is its newest.
    const auto keepNewestPer = [&](std::int64_t (*period)(std::int64_t), std::size_t periods) {
        std::set<std::int64_t> seen;
        for (const std::size_t index : newestFirst) {
            const std::int64_t which = period(times[index]);
            if (seen.contains(which)) {
                continue;
            }
            if (seen.size() == periods) {
                break;
            }
            seen.insert(which);
            keep.insert(index);
        }
    };
    for (std::size_t index = 0; index < times.size(); ++index) {
        if (times[index] > now - kDay) {
            keep.insert(index);
        }
    }
    keepNewestPer(dayOf, 7);
    keepNewestPer(weekOf, 4);
    keepNewestPer(monthOf, 12);
    std::vector<std::size_t> prune;
    for (std::size_t index = 0; index < times.size(); ++index) {
        if (!keep.contains(index)) {
            prune.push_back(index);
        }
    }
    return prune;
}

} // namespace knotmap
