#include "app/backup_writer.h"

#include "app/database_path.h"
#include "core/output_folder.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/server_backup.h"

#include <stdexcept>
#include <vector>

namespace knotmap {

namespace fs = std::filesystem;

BackupSummary takeBackup(const DatabaseLocation& where, const fs::path& output,
                         const crypto::Secret* passphrase, const BackupProgress& progress) {
    if (output.empty()) {
        if (where.isServer()) {
            throw std::runtime_error(where.describe() +
                                     ": a server database is backed up into a file: name one");
        }
        return takeBackupIntoFolder(where.file(), passphrase, progress);
    }
    const std::vector<fs::path> madeFolders = createOutputFolders(output.parent_path());
    try {
        if (where.isServer()) {
            // The plain copy waits in Knotmap's own data folder (0700),
            // never beside an encrypted backup's target.
            return backupServerDatabase(where, output, defaultDatabasePath().parent_path(),
                                        passphrase, progress);
        }
        return backupDatabaseFile(where.file(), output, passphrase, progress);
    } catch (...) {
        removeEmptyFolders(madeFolders);
        throw;
    }
}

} // namespace knotmap
