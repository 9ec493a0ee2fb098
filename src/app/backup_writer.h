#pragma once

#include "crypto/secret.h"
#include "store/backup/backup_file.h"
#include "store/database_location.h"

#include <filesystem>

namespace knotmap {

// One backup as `knotmap backup` and the window's File > Back up now… take
// it: with output empty, into the backups folder beside the database file
// (then pruned); else into output, which must not exist (its missing
// folders made 0700 first, and removed again if the backup fails). A server
// database is written into output as a Knotmap file (store/backup/
// server_backup.h); it has no folder beside it, so output is required.
// Sealed with passphrase when given. Throws naming the file or server.
// progress hears the share copied so far (store/backup/backup_file.h).
BackupSummary takeBackup(const DatabaseLocation& where, const std::filesystem::path& output,
                         const crypto::Secret* passphrase, const BackupProgress& progress = {});

} // namespace knotmap
