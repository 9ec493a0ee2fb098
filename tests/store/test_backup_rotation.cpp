#include "core/timestamp.h"
#include "store/backup/backup_names.h"
#include "store/backup/backup_rotation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace knotmap;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

std::int64_t at(int year, int month, int day, int hour = 12) {
    return secondsFromCivil({year, month, day, hour, 0, 0});
}

std::set<std::int64_t> kept(const std::vector<std::int64_t>& times, std::int64_t now) {
    const std::vector<std::size_t> prune = backupsToPrune(times, now);
    std::set<std::int64_t> left;
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (!std::binary_search(prune.begin(), prune.end(), i)) {
            left.insert(times[i]);
        }
    }
    return left;
}

} // namespace

TEST_CASE("backups of the last 24 hours are all kept, older ones one a day") {
    const std::int64_t now = at(2026, 12, 5, 15);
    const std::vector<std::int64_t> times{now - 60,       now - 2 * kHour,        now - 20 * kHour,
                                          now - 2 * kDay, now - 2 * kDay - kHour, now - 3 * kDay};
    // The two on one day two days ago: only the newer stays.
    CHECK(kept(times, now) == std::set<std::int64_t>{now - 60, now - 2 * kHour, now - 20 * kHour,
                                                     now - 2 * kDay, now - 3 * kDay});
}

TEST_CASE("a year of daily backups keeps 7 days, 4 weeks and 12 months") {
    std::vector<std::int64_t> times;
    const std::int64_t first = at(2025, 11, 1);
    for (std::int64_t day = 0; day < 400; ++day) {
        times.push_back(first + day * kDay);
    }
    const std::int64_t now = times.back() + kHour;
    const std::set<std::int64_t> left = kept(times, now);
    // The 7 newest days are there, one a day.
    for (std::int64_t day = 0; day < 7; ++day) {
        CHECK(left.contains(times.back() - day * kDay));
    }
    // The newest of each of the last 12 months (the month's last day at noon,
    // or today for the current month).
    std::set<std::int64_t> months;
    for (const std::int64_t time : left) {
        const CivilDateTime civil = civilFromSeconds(time);
        months.insert(civil.year * 12 + civil.month);
        if (time < times.back() - 40 * kDay) {             // beyond the dailies and weeklies
            CHECK(civilFromSeconds(time + kDay).day == 1); // the month's last backup
        }
    }
    CHECK(months.size() == 12);
    // Weeks: the newest of the 4 latest ones; the rest is gone.
    CHECK(left.size() <= 7 + 4 + 12);
    CHECK(left.size() >= 12 + 6);
    CHECK_FALSE(left.contains(times.front()));
    CHECK(backupsToPrune({}, now).empty());
}

TEST_CASE("backup names say when they were taken and whether they are sealed") {
    const std::int64_t when = at(2026, 12, 5, 13) + 34 * 60 + 56;
    CHECK(backupFileName("/data/knotmap.db", when, false) == "knotmap-20261205-133456.db");
    CHECK(backupFileName("/data/knotmap.db", when, true) == "knotmap-20261205-133456.db.sealed");
    CHECK(backupFolderFor("/data/knotmap.db") == std::filesystem::path("/data/backups"));
    const auto plain = parseBackupName("/data/knotmap.db", "knotmap-20261205-133456.db");
    REQUIRE(plain);
    CHECK(plain->utcSeconds == when);
    CHECK_FALSE(plain->encrypted);
    const auto sealed = parseBackupName("/data/knotmap.db", "knotmap-20261205-133456.db.sealed");
    REQUIRE(sealed);
    CHECK(sealed->encrypted);
    for (const char* other :
         {"other-20261205-133456.db", "knotmap-20261305-133456.db", "knotmap-2026120-1334567.db",
          "knotmap-20261205-133456.db-wal", "knotmap-+0261205-133456.db",
          "knotmap.v4-backup-20261121-052400.db"}) {
        CAPTURE(other);
        CHECK_FALSE(parseBackupName("/data/knotmap.db", other));
    }
}
