#include "store/backup/restore_file.h"

#include "core/output_folder.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/backup_names.h"

#include <SQLiteCpp/Database.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// A name beside the database that nothing uses yet.
fs::path stagingPathFor(const fs::path& database) {
    std::random_device random;
    const fs::path folder = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    for (;;) {
        const fs::path candidate =
            folder / ("." + database.filename().string() + ".restore-" + std::to_string(random()));
        std::error_code ignored;
        if (!fs::exists(fs::symlink_status(candidate, ignored))) {
            return candidate;
        }
    }
}

void removeWithCompanions(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix, ignored);
    }
}

void syncFolder(const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
}

// Replaces database by staged while holding it exclusively: its WAL folded
// in and gone (so no old -wal can be applied to the new file), no other
// connection open, no writer mid-transaction.
void swapIn(const fs::path& staged, const fs::path& database) {
    try {
        SQLite::Database current(database.string(), SQLite::OPEN_READWRITE);
        current.setBusyTimeout(2000);
        current.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const std::string mode = current.execAndGet("PRAGMA journal_mode = DELETE").getString();
        if (mode != "delete") {
            throw std::runtime_error(database.string() +
                                     ": in use by another program (the window?); close it and "
                                     "restore again");
        }
        current.exec("BEGIN EXCLUSIVE");
        if (std::rename(staged.c_str(), database.c_str()) != 0) {
            const int error = errno;
            current.exec("ROLLBACK");
            throw std::runtime_error(database.string() + ": cannot replace it: " +
                                     std::strerror(error));
        }
        syncFolder(database);
        current.exec("ROLLBACK"); // on the old file, which is no longer at the path
    } catch (const SQLite::Exception& error) {
        throw std::runtime_error(database.string() +
                                 ": in use by another program, or cannot be opened (" +
                                 error.what() + "); nothing was restored");
    }
}

} // namespace

RestoreResult restoreDatabaseFile(const fs::path& backup, const fs::path& database, bool force,
                                  const std::function<crypto::Secret()>& passphrase) {
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
    const fs::path staged = stagingPathFor(database);
    RestoreResult result;
    try {
        result.restored = extractBackup(backup, staged, passphrase);
        if (exists) {
            result.replacedKeptAs = takeBackupIntoFolder(database);
            swapIn(staged, database);
        } else {
            fs::remove(database, ignored); // an empty 0-byte file may stand there
            if (std::rename(staged.c_str(), database.c_str()) != 0) {
                throw std::runtime_error(database.string() + ": cannot write: " +
                                         std::strerror(errno));
            }
            syncFolder(database);
        }
    } catch (...) {
        removeWithCompanions(staged);
        throw;
    }
    result.restored.path = database;
    return result;
}

} // namespace knotmap
