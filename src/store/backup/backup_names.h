#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

// Where backups go and what they are called: the folder "backups" beside
// the database file, and "<database name>-YYYYMMDD-HHMMSS.db" (UTC), with
// ".sealed" added for an encrypted one (docs/backups.md).
namespace knotmap {

[[nodiscard]] std::filesystem::path backupFolderFor(const std::filesystem::path& database);

[[nodiscard]] std::string backupFileName(const std::filesystem::path& database,
                                         std::int64_t utcSeconds, bool encrypted);

// What a file name in the backup folder says, when it is a backup of this
// database; std::nullopt for any other file.
struct BackupName {
    std::int64_t utcSeconds = 0;
    bool encrypted = false;
};
[[nodiscard]] std::optional<BackupName> parseBackupName(const std::filesystem::path& database,
                                                        const std::string& fileName);

} // namespace knotmap
