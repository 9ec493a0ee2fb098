#pragma once

#include "crypto/secret.h"

#include <cstdint>
#include <filesystem>
#include <functional>

// A backup of a file database: a consistent snapshot taken with SQLite's
// online backup API while other programs may be writing, checked with
// integrity_check before it is put in place, self-contained (no -wal), 0600.
// Encrypted, it is a sealed file (crypto/sealed_format.h) holding the
// database as its one entry. Backups never leave a partial file: each is
// written under a temporary name and renamed when complete.
namespace SQLite {
class Database;
} // namespace SQLite

namespace knotmap {

// What a backup holds, for lists and messages.
struct BackupSummary {
    std::filesystem::path path;
    std::int64_t bytes = 0;
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    bool encrypted = false;
};

// Snapshots the SQLite database at database into target, which must not
// exist. With a passphrase the backup is sealed with it; the plain snapshot
// that is sealed lives meanwhile beside the database, as protected as the
// database itself, and is removed. Throws std::runtime_error naming the
// file on any failure, leaving nothing at target.
//
// progress, when given, hears the share of the database copied so far (0 to
// 1) as the snapshot is taken a few hundred pages at a time, inside one read
// transaction so all of it is still one consistent state; the integrity
// check that follows is not counted.
using BackupProgress = std::function<void(double copied)>;
BackupSummary backupDatabaseFile(const std::filesystem::path& database,
                                 const std::filesystem::path& target,
                                 const crypto::Secret* passphrase = nullptr,
                                 const BackupProgress& progress = {});

// As backupDatabaseFile without a passphrase, reading through a connection
// the caller already holds (a restore's exclusive one) instead of a new one.
BackupSummary backupFromConnection(SQLite::Database& source, const std::filesystem::path& target,
                                   const BackupProgress& progress = {});

// Removes the hidden temporaries (".NAME.partial-PID-...") that processes
// no longer running left in folder: a backup or restore killed midway.
void removeAbandonedTemporaries(const std::filesystem::path& folder);

// Checks a plain SQLite file that should be a Knotmap database (a backup,
// or one being restored): integrity_check, a schema version this Knotmap
// knows, and its client and session counts. Throws std::runtime_error
// naming what when it is not one.
BackupSummary checkBackupDatabase(const std::filesystem::path& file, const std::string& what);

// Writes the plain backup file (or the database in an encrypted one, asking
// for the passphrase only then) to target, which must not exist: checked
// (checkBackupDatabase) before it is put in place. Throws naming the file;
// a failure to write names shownAs (the database a restore is for, not its
// hidden staging name). A sealed backup of an encrypted database holds that
// database still encrypted: it opens with the seal's passphrase, or else
// with databasePassphrase (asked for only then, when given).
BackupSummary extractBackup(const std::filesystem::path& backup,
                            const std::filesystem::path& target,
                            const std::filesystem::path& shownAs,
                            const std::function<crypto::Secret()>& passphrase,
                            const std::function<crypto::Secret()>& databasePassphrase = {});

} // namespace knotmap
