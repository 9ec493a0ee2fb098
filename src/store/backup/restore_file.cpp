#include "store/backup/restore_file.h"

#include "core/output_folder.h"
#include "core/staging_path.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/backup_names.h"
#include "store/sqlite_file/database_files.h"
#include "store/sqlite_file/sqlite_file_vfs.h"

#include <SQLiteCpp/Database.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// A -wal or -journal with content beside database: SQLite would apply it to
// whatever file is at the path next, the restored one included.
std::optional<fs::path> strayJournal(const fs::path& database) {
    for (const char* suffix : {"-wal", "-journal"}) {
        const fs::path companion = database.string() + suffix;
        std::error_code ignored;
        if (fs::exists(companion, ignored) && fs::file_size(companion, ignored) > 0) {
            return companion;
        }
    }
    return std::nullopt;
}

[[noreturn]] void refuseStray(const fs::path& stray) {
    throw std::runtime_error(stray.string() +
                             " holds changes of a database that is not there (left by a "
                             "program that was stopped?); nothing was restored. Move it "
                             "away, then restore again");
}

// Replaces database by staged, holding it exclusively from before its WAL
// is folded in until after the rename: exclusive locking mode, so no lock is
// released between the steps and no other program can open it in between;
// journal mode DELETE (refused while any other connection has it open), so
// no -wal of it remains to be applied to the new file. The replaced
// database is backed up through this same connection, inside the lock, so
// no change can slip between that backup and the swap. The caller holds the
// backups folder's lock.
BackupSummary swapIn(const fs::path& staged, const fs::path& database) {
    try {
        SQLite::Database current(database.c_str(), SQLite::OPEN_READWRITE, 0, vfsFor(database));
        current.setBusyTimeout(2000);
        current.exec("PRAGMA locking_mode = EXCLUSIVE");
        current.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const std::string mode = current.execAndGet("PRAGMA journal_mode = DELETE").getString();
        if (mode != "delete") {
            throw std::runtime_error(database.string() +
                                     ": in use by another program (the window?); close it and "
                                     "restore again");
        }
        current.exec("BEGIN EXCLUSIVE"); // held past COMMIT in exclusive locking mode
        current.exec("COMMIT");
        BackupSummary kept = backupFromConnection(current, newBackupPath(database, false));
        try {
            moveIntoPlace(staged, database, ExistingTarget::Replace);
        } catch (const std::system_error& error) {
            std::error_code ignored;
            if (!fs::exists(staged, ignored)) { // renamed: only the folder's sync failed
                throw std::runtime_error(database.string() +
                                         ": restored, but not yet safe "
                                         "from a power cut: " +
                                         error.code().message());
            }
            throw std::runtime_error(database.string() + ": cannot replace it: " +
                                     error.code().message() + "; nothing was restored");
        }
        return kept; // closing current releases the old file, no longer at the path
    } catch (const SQLite::Exception& error) {
        throw std::runtime_error(database.string() +
                                 ": in use by another program, or cannot be opened (" +
                                 error.what() + "); nothing was restored");
    }
}

} // namespace

RestoreResult restoreDatabaseFile(const fs::path& backup, const fs::path& database, bool force,
                                  const std::function<crypto::Secret()>& passphrase,
                                  const std::function<crypto::Secret()>& databasePassphrase) {
    std::error_code ignored;
    const bool exists = fs::exists(database, ignored) && fs::file_size(database, ignored) > 0;
    if (exists && !force) {
        throw std::runtime_error(database.string() +
                                 ": already holds a database; --force replaces it (after "
                                 "backing it up into " +
                                 backupFolderFor(database).string() + ")");
    }
    if (!database.parent_path().empty()) {
        (void)createOutputFolders(database.parent_path());
    }
    // Beside an existing database its -wal is its own (swapIn folds it in);
    // beside none, it would be applied to the restored file.
    if (const auto stray = exists ? std::nullopt : strayJournal(database)) {
        refuseStray(*stray);
    }
    removeAbandonedTemporaries(database.parent_path());
    const fs::path staged = hiddenStagingPath(database, "restore");
    RestoreResult result;
    try {
        result.restored = extractBackup(backup, staged, database, passphrase, databasePassphrase);
        if (exists) {
            // The folder's lock before the database's, in the order every
            // backup takes them (an import: folder, then a read of the database).
            const BackupFolderLock lock(database);
            result.replacedKeptAs = swapIn(staged, database);
            (void)pruneBackups(database);
        } else {
            fs::remove(database, ignored); // an empty 0-byte file may stand there
            try {
                moveIntoPlace(staged, database, ExistingTarget::Replace);
            } catch (const std::system_error& error) {
                throw std::runtime_error(database.string() +
                                         ": cannot write: " + error.code().message());
            }
        }
    } catch (...) {
        removeDatabaseAndCompanions(staged);
        throw;
    }
    if (const auto stray = strayJournal(database)) {
        // Cannot happen while the lock was held; said rather than hidden.
        throw std::runtime_error(stray->string() +
                                 " appeared during the restore: another "
                                 "program wrote to the database meanwhile; check it with "
                                 "knotmap info");
    }
    result.restored.path = database;
    return result;
}

} // namespace knotmap
