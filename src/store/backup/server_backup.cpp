#include "store/backup/server_backup.h"

#include "core/output_folder.h"
#include "core/staging_path.h"
#include "store/copy/database_copy.h"
#include "store/database.h"
#include "store/open_options.h"
#include "store/sqlite_file/database_files.h"

#include <stdexcept>
#include <string>

namespace knotmap {

namespace fs = std::filesystem;

BackupSummary backupServerDatabase(const DatabaseLocation& server, const fs::path& target,
                                   const fs::path& stagingFolder, const crypto::Secret* passphrase,
                                   const BackupProgress& progress) {
    std::error_code ignored;
    if (fs::exists(fs::symlink_status(target, ignored))) {
        throw std::runtime_error(target.string() + ": already exists");
    }
    (void)createOutputFolders(stagingFolder);
    removeAbandonedTemporaries(stagingFolder);
    // The hidden name removeAbandonedTemporaries knows: a copy killed midway
    // is swept by the next backup once this process is gone.
    const fs::path staging = hiddenStagingPath(target, "server", stagingFolder);
    struct RemoveStaging {
        fs::path path;
        ~RemoveStaging() { removeDatabaseAndCompanions(path); }
    } removeStaging{staging};
    try {
        {
            Database source = Database::open(server, readingOptions());
            Database copy = Database::openForImport(staging);
            (void)copyDatabase(source, copy, [&](std::int64_t copied, std::int64_t total) {
                if (progress && total > 0) {
                    progress(static_cast<double>(copied) / static_cast<double>(total));
                }
            });
            copy.commitCreation();
        }
        return backupDatabaseFile(staging, target, passphrase);
    } catch (const std::exception& error) {
        // The person asked for target: a message about the hidden staging
        // file names target, and where the copy was staged.
        std::string message = error.what();
        const std::string hidden = staging.string();
        for (std::size_t at = message.find(hidden); at != std::string::npos;
             at = message.find(hidden, at)) {
            message.replace(at, hidden.size(), target.string());
        }
        if (message != error.what()) {
            message += " (the copy is made in " + stagingFolder.string() + " first)";
        }
        throw std::runtime_error(message);
    }
}

} // namespace knotmap
