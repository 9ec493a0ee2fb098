#include "store/backup/backup_names.h"

#include "core/timestamp.h"

#include <cstdio>

namespace knotmap {
namespace {

constexpr std::string_view kSealedSuffix = ".sealed";

std::string prefixFor(const std::filesystem::path& database) {
    return database.stem().string() + "-";
}

} // namespace

std::filesystem::path backupFolderFor(const std::filesystem::path& database) {
    const std::filesystem::path folder = database.parent_path();
    return (folder.empty() ? std::filesystem::path(".") : folder) / "backups";
}

std::string backupFileName(const std::filesystem::path& database, std::int64_t utcSeconds,
                           bool encrypted) {
    const CivilDateTime at = civilFromSeconds(utcSeconds);
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", at.year, at.month, at.day,
                  at.hour, at.minute, at.second);
    return prefixFor(database) + stamp + ".db" + (encrypted ? std::string(kSealedSuffix) : "");
}

std::optional<BackupName> parseBackupName(const std::filesystem::path& database,
                                          const std::string& fileName) {
    const std::string prefix = prefixFor(database);
    if (fileName.rfind(prefix, 0) != 0) {
        return std::nullopt;
    }
    std::string_view rest = std::string_view(fileName).substr(prefix.size());
    BackupName name;
    if (rest.size() > kSealedSuffix.size() &&
        rest.substr(rest.size() - kSealedSuffix.size()) == kSealedSuffix) {
        name.encrypted = true;
        rest.remove_suffix(kSealedSuffix.size());
    }
    // YYYYMMDD-HHMMSS.db
    if (rest.size() != 18 || rest[8] != '-' || rest.substr(15) != ".db") {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < 15; ++i) {
        if (i != 8 && (rest[i] < '0' || rest[i] > '9')) {
            return std::nullopt;
        }
    }
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string digits(rest.substr(0, 15));
    if (std::sscanf(digits.c_str(), "%4d%2d%2d-%2d%2d%2d", &year, &month, &day, &hour, &minute,
                    &second) != 6) {
        return std::nullopt;
    }
    const CivilDateTime civil{year, month, day, hour, minute, second};
    if (!isValidCivil(civil)) {
        return std::nullopt;
    }
    name.utcSeconds = secondsFromCivil(civil);
    return name;
}

} // namespace knotmap
