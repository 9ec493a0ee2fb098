#pragma once

#include "crypto/secret.h"
#include "store/backup/backup_file.h"
#include "store/database_location.h"

#include <filesystem>

// A clinic's server database kept offline: backed up into a Knotmap
// database file, written the way `knotmap copy` writes one (every record
// with its ids, read in one snapshot while others work), then checked and
// put in place like any backup (backup_file.h), plain or sealed.
namespace knotmap {

// Copies the server database into a plain file under a hidden temporary
// name in stagingFolder (a folder only the user can read: the plain copy
// of an encrypted backup waits there, never beside target), then backs
// that up into target, which must not exist. Throws std::runtime_error or
// StoreError naming the server or the file; nothing is left at target or
// in stagingFolder on failure. progress hears the share of the server's rows
// copied (the backup of the local copy that follows is quick).
BackupSummary backupServerDatabase(const DatabaseLocation& server,
                                   const std::filesystem::path& target,
                                   const std::filesystem::path& stagingFolder,
                                   const crypto::Secret* passphrase = nullptr,
                                   const BackupProgress& progress = {});

} // namespace knotmap
