#pragma once

#include "crypto/secret.h"
#include "store/backup/backup_file.h"

#include <filesystem>
#include <functional>
#include <optional>

namespace knotmap {

struct RestoreResult {
    BackupSummary restored;
    // The database that was replaced, kept in the backups folder first.
    std::optional<BackupSummary> replacedKeptAs;
};

// Puts the backup (plain or encrypted; passphrase asked only for an
// encrypted one) in place of the database file at database. The backup is
// extracted beside it and checked (checkBackupDatabase) before anything is
// touched. An existing database is replaced only with force, and then only
// after a checked backup of it was taken into the backups folder and no
// other program has it open; the swap is one rename, so the database is
// either the old one or the restored one, never a mix. Throws
// std::runtime_error naming the file; the database is then as it was.
// databasePassphrase: for an encrypted database inside a sealed backup whose
// seal's passphrase does not open it (extractBackup).
RestoreResult restoreDatabaseFile(const std::filesystem::path& backup,
                                  const std::filesystem::path& database, bool force,
                                  const std::function<crypto::Secret()>& passphrase,
                                  const std::function<crypto::Secret()>& databasePassphrase = {});

} // namespace knotmap
