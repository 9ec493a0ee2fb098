#pragma once

#include "crypto/secret.h"
#include "store/backup/backup_file.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

// The backups folder beside a database file (store/backup/backup_names.h):
// taking a backup into it, listing it, pruning it.
namespace knotmap {

struct BackupEntry {
    std::filesystem::path path;
    std::int64_t utcSeconds = 0;
    std::int64_t bytes = 0;
    bool encrypted = false;
    // Filled by readBackupCounts from a plain backup; unknown for an
    // encrypted one (no passphrase) or one that cannot be read.
    std::optional<std::int64_t> clients;
    std::optional<std::int64_t> sessions;
};

// The database's backups, newest first, from their names and sizes alone
// (nothing is opened); an absent folder is an empty list.
[[nodiscard]] std::vector<BackupEntry> listBackups(const std::filesystem::path& database);

// Opens a plain backup to count its clients and sessions (for lists shown
// to a person); leaves an encrypted or unreadable one without counts.
void readBackupCounts(BackupEntry& entry);

// Takes a backup of the database into its backups folder (created 0700)
// under a new name of this moment, then prunes the folder (backupsToPrune).
// progress as for backupDatabaseFile.
BackupSummary takeBackupIntoFolder(const std::filesystem::path& database,
                                   const crypto::Secret* passphrase = nullptr,
                                   const BackupProgress& progress = {});

// Held while a backup is named, written and the folder pruned: two
// programs backing up the same database in the same second (two imports)
// would otherwise pick the same name. An flock on "backups/.lock".
class BackupFolderLock {
public:
    explicit BackupFolderLock(const std::filesystem::path& database);
    ~BackupFolderLock();
    BackupFolderLock(const BackupFolderLock&) = delete;
    BackupFolderLock& operator=(const BackupFolderLock&) = delete;

private:
    int m_descriptor = -1;
};

// A name in the database's backups folder (created 0700) for a backup taken
// now that no file has yet (hold a BackupFolderLock).
[[nodiscard]] std::filesystem::path newBackupPath(const std::filesystem::path& database,
                                                  bool encrypted);

// Deletes the backups backupsToPrune picks; returns their paths.
std::vector<std::filesystem::path> pruneBackups(const std::filesystem::path& database);

} // namespace knotmap
