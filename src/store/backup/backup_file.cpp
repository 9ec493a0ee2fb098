#include "store/backup/backup_file.h"

#include "core/output_file.h"
#include "core/staging_path.h"
#include "crypto/seal_reader.h"
#include "crypto/seal_writer.h"
#include "store/migrations.h"
#include "store/open_options.h"
#include "store/sqlite_file/database_files.h"
#include "store/sqlite_file/sqlite_file_vfs.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void failWith(const fs::path& file, const std::string& why) {
    throw std::runtime_error(file.string() + ": " + why);
}

// A new empty 0600 file with a unique hidden name in folder,
// ".HINT.partial-PID-XXXXXX", removed (with any companion SQLite made)
// unless kept. One a killed process left is removed by the next backup or
// restore in that folder (removeAbandonedTemporaries).
class TemporaryFile {
public:
    TemporaryFile(const fs::path& folder, const std::string& hint) {
        removeAbandonedTemporaries(folder);
        std::string pattern = ((folder.empty() ? fs::path(".") : folder) /
                               ("." + hint + ".partial-" + std::to_string(::getpid()) + "-XXXXXX"))
                                  .string();
        const int descriptor = ::mkstemp(pattern.data());
        if (descriptor < 0) {
            failWith(folder / hint, std::string("cannot create a file: ") + std::strerror(errno));
        }
        ::fchmod(descriptor, 0600);
        ::close(descriptor);
        m_path = pattern;
    }
    ~TemporaryFile() {
        if (!m_kept) {
            removeDatabaseAndCompanions(m_path);
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }
    void keep() { m_kept = true; }

private:
    fs::path m_path;
    bool m_kept = false;
};

// Renames from to to, which must not exist, durably (core/staging_path.h).
void putBackupInPlace(const fs::path& from, const fs::path& to) {
    try {
        moveIntoPlace(from, to, ExistingTarget::Keep);
    } catch (const std::system_error& error) {
        failWith(to, error.code() == std::errc::file_exists
                         ? std::string("already exists")
                         : "cannot write: " + error.code().message());
    }
}

// Why SQLite failed, in the words the rest of Knotmap uses: a full disk is
// "No space left on device" whether SQLite reports SQLITE_FULL (a short
// write, no errno kept) or an I/O error whose errno was ENOSPC (a -shm or
// journal that could not grow).
std::string sqliteReason(const SQLite::Exception& error, std::initializer_list<sqlite3*> handles) {
    bool full = error.getErrorCode() == SQLITE_FULL;
    for (sqlite3* handle : handles) {
        full = full || (handle != nullptr && ::sqlite3_system_errno(handle) == ENOSPC);
    }
    return full ? std::strerror(ENOSPC) : error.what();
}

// A self-contained copy of the database open on from (SQLite's online backup
// API: consistent while others write) in the empty file copy.
// named and failure name the file the person asked for, in messages.
// Pages per step when the snapshot reports progress: a few milliseconds of
// copying between reports.
constexpr int kBackupPagesPerStep = 256;

// Copies the whole database in steps, telling progress after each. The
// read transaction held over all the steps is what step(-1) holds for its
// one step: every page comes from the same snapshot, and a program writing
// meanwhile does not make the copy start over. Returns the last step's code.
int snapshotInSteps(SQLite::Database& from, SQLite::Backup& backup,
                    const BackupProgress& progress) {
    from.exec("BEGIN");
    (void)from.execAndGet("SELECT count(*) FROM sqlite_schema"); // the read starts here
    int result = SQLITE_OK;
    try {
        do {
            result = backup.executeStep(kBackupPagesPerStep);
            const int total = backup.getTotalPageCount();
            if (total > 0) {
                progress(static_cast<double>(total - backup.getRemainingPageCount()) / total);
            }
        } while (result == SQLITE_OK);
    } catch (...) {
        from.exec("ROLLBACK");
        throw;
    }
    from.exec("ROLLBACK"); // nothing was written: ending the read is all
    return result;
}

void snapshotFrom(SQLite::Database& from, const fs::path& copy, const fs::path& named,
                  const std::string& failure = "cannot take the backup",
                  const BackupProgress& progress = {}) {
    std::optional<SQLite::Database> to;
    try {
        // A backup of an encrypted database is encrypted with the same key.
        (void)sealLikeDatabase(copy, mainFileOf(from));
        to.emplace(copy.c_str(), SQLite::OPEN_READWRITE, 0, vfsFor(copy));
        SQLite::Backup backup(*to, from);
        const int result =
            progress ? snapshotInSteps(from, backup, progress) : backup.executeStep(-1);
        // BUSY or LOCKED: another program held the write lock past the wait.
        if (result != SQLITE_DONE) {
            failWith(named, failure +
                                ": another program kept the database locked "
                                "for over " +
                                std::to_string(kCommandBusyTimeoutMs / 1000) + " s");
        }
        // One file, nothing beside it: the copy must not need a -wal.
        to->exec("PRAGMA journal_mode = DELETE");
    } catch (const SQLite::Exception& error) {
        failWith(named,
                 failure + ": " +
                     sqliteReason(error, {from.getHandle(), to ? to->getHandle() : nullptr}));
    }
}

// A read-only connection to the database to snapshot, waiting for writers
// as a command does.
std::unique_ptr<SQLite::Database> openSource(const fs::path& source, const fs::path& named) {
    try {
        auto from = openSqliteFile(source, SQLite::OPEN_READONLY);
        from->setBusyTimeout(kCommandBusyTimeoutMs);
        return from;
    } catch (const SQLite::Exception& error) {
        failWith(named, std::string("cannot take the backup: ") + sqliteReason(error, {}));
    }
}

void sealDatabase(const fs::path& plain, const fs::path& target, const std::string& entryName,
                  const crypto::Secret& passphrase) {
    std::ifstream in(plain, std::ios::binary);
    if (!in) {
        failWith(plain, std::string("cannot read: ") + std::strerror(errno));
    }
    // What a killed encrypted backup left in target's folder goes first.
    removeAbandonedTemporaries(target.parent_path());
    OutputFile output(target, "the backup");
    crypto::SealWriter sealed(output.stream(), passphrase, crypto::sealed::Content::DatabaseBackup);
    sealed.beginEntry(entryName);
    std::array<char, 64 * 1024> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        sealed.entry().write(buffer.data(), in.gcount());
        output.throwIfFailed();
    }
    sodium_memzero(buffer.data(), buffer.size());
    sealed.endEntry();
    sealed.finish();
    output.commit();
}

} // namespace

namespace {

// The process id in a temporary's name when it is one Knotmap makes:
// ".NAME.partial-PID-REST" (a hidden TemporaryFile, staged copy or
// restore), or "NAME.sealed.partial-PID-N" (an encrypted backup written
// through core/output_file.h). Anything else, however it is named, is
// not ours to delete.
std::optional<long> temporaryOwner(const std::string& name) {
    const std::size_t mark = name.find(".partial-");
    if (mark == std::string::npos || mark == 0) {
        return std::nullopt;
    }
    const std::string head = name.substr(0, mark);
    const char* start = name.c_str() + mark + 9;
    char* end = nullptr;
    const long pid = std::strtol(start, &end, 10);
    if (end == start || *end != '-' || pid <= 0) {
        return std::nullopt;
    }
    if (name[0] == '.') {
        return pid;
    }
    const std::string rest(end + 1);
    const bool digits = !rest.empty() && rest.find_first_not_of("0123456789") == std::string::npos;
    if (head.size() > 7 && head.ends_with(".sealed") && digits) {
        return pid;
    }
    return std::nullopt;
}

} // namespace

void removeAbandonedTemporaries(const fs::path& folder) {
    std::error_code error;
    for (const auto& entry :
         fs::directory_iterator(folder.empty() ? fs::path(".") : folder, error)) {
        const std::optional<long> pid = temporaryOwner(entry.path().filename().string());
        struct stat info {};
        if (!pid || ::lstat(entry.path().c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
            info.st_uid != ::geteuid()) {
            continue;
        }
        if (::kill(static_cast<pid_t>(*pid), 0) != 0 && errno == ESRCH) {
            removeDatabaseAndCompanions(entry.path());
        }
    }
}

BackupSummary backupFromConnection(SQLite::Database& source, const fs::path& target,
                                   const BackupProgress& progress) {
    TemporaryFile copy(target.parent_path(), target.filename().string());
    snapshotFrom(source, copy.path(), target, "cannot take the backup", progress);
    BackupSummary summary = checkBackupDatabase(copy.path(), target.string());
    putBackupInPlace(copy.path(), target);
    copy.keep();
    summary.path = target;
    return summary;
}

BackupSummary checkBackupDatabase(const fs::path& file, const std::string& what) {
    BackupSummary summary;
    summary.path = file;
    try {
        const auto opened = openSqliteFile(file, SQLite::OPEN_READONLY);
        SQLite::Database& db = *opened;
        const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok") {
            throw std::runtime_error(what + ": damaged (" + integrity + ")");
        }
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version <= 0 || !db.tableExists("client") || !db.tableExists("session")) {
            throw std::runtime_error(what + ": not a Knotmap database");
        }
        if (version > latestSchemaVersion()) {
            throw std::runtime_error(what + ": made by a newer Knotmap (schema " +
                                     std::to_string(version) + "; this version knows up to " +
                                     std::to_string(latestSchemaVersion()) + ")");
        }
        summary.clients = db.execAndGet("SELECT count(*) FROM client").getInt64();
        summary.sessions = db.execAndGet("SELECT count(*) FROM session").getInt64();
    } catch (const SQLite::Exception& error) {
        throw std::runtime_error(what + ": not a Knotmap database (" + error.what() + ")");
    }
    std::error_code ignored;
    summary.bytes = static_cast<std::int64_t>(fs::file_size(file, ignored));
    return summary;
}

BackupSummary backupDatabaseFile(const fs::path& database, const fs::path& target,
                                 const crypto::Secret* passphrase, const BackupProgress& progress) {
    std::error_code ignored;
    if (fs::exists(fs::symlink_status(target, ignored))) {
        failWith(target, "already exists");
    }
    if (!fs::is_regular_file(database, ignored) || fs::file_size(database, ignored) == 0) {
        failWith(database, "no database here");
    }
    // The plain snapshot of a killed encrypted backup waits beside the database.
    removeAbandonedTemporaries(database.parent_path());
    if (passphrase == nullptr) {
        return backupFromConnection(*openSource(database, target), target, progress);
    }
    // The plain snapshot waits beside the database, never beside target
    // (which may be a shared or synced folder).
    TemporaryFile plain(database.parent_path(), database.filename().string() + ".backup");
    snapshotFrom(*openSource(database, target), plain.path(), target, "cannot take the backup",
                 progress);
    BackupSummary summary = checkBackupDatabase(plain.path(), target.string());
    sealDatabase(plain.path(), target, database.filename().string(), *passphrase);
    summary.path = target;
    summary.bytes = static_cast<std::int64_t>(fs::file_size(target, ignored));
    summary.encrypted = true;
    return summary;
}

BackupSummary extractBackup(const fs::path& backup, const fs::path& target, const fs::path& shownAs,
                            const std::function<crypto::Secret()>& passphrase,
                            const std::function<crypto::Secret()>& databasePassphrase) {
    std::error_code ignored;
    if (fs::exists(fs::symlink_status(target, ignored))) {
        failWith(target, "already exists");
    }
    if (fs::is_directory(backup, ignored)) {
        failWith(backup, "a folder, not a backup file");
    }
    std::ifstream in(backup, std::ios::binary);
    if (!in) {
        failWith(backup, std::string("cannot read: ") + std::strerror(errno));
    }
    TemporaryFile copy(target.parent_path(), target.filename().string());
    const auto sealedContent = crypto::SealReader::peek(in);
    if (sealedContent) {
        if (*sealedContent != crypto::sealed::Content::DatabaseBackup) {
            failWith(backup, "an encrypted export, not a backup (knotmap decrypt reads it)");
        }
        in.clear();
        if (!in.seekg(0)) {
            failWith(backup, "cannot be read again from its start (a pipe?); give a file");
        }
        const crypto::Secret secret = passphrase();
        crypto::SealReader reader(in, backup.string(), secret);
        // Written through a descriptor of its own, so the reason a write
        // failed (a full disk) reaches the message.
        struct Descriptor {
            int fd;
            ~Descriptor() {
                if (fd >= 0) {
                    ::close(fd);
                }
            }
        } out{::open(copy.path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)};
        int writeError = out.fd < 0 ? errno : 0;
        int entries = 0;
        while (const auto name = reader.nextEntry()) {
            if (++entries > 1) {
                failWith(backup, "damaged: a backup holds one database");
            }
            reader.readEntry([&](std::string_view bytes) {
                while (writeError == 0 && !bytes.empty()) {
                    const ssize_t wrote = ::write(out.fd, bytes.data(), bytes.size());
                    if (wrote > 0) {
                        bytes.remove_prefix(static_cast<std::size_t>(wrote));
                    } else if (wrote == 0) {
                        writeError = EIO; // no progress and no reason: do not spin
                    } else if (errno != EINTR) {
                        writeError = errno;
                    }
                }
            });
        }
        if (writeError == 0 && ::fsync(out.fd) != 0) {
            writeError = errno;
        }
        if (const int fd = std::exchange(out.fd, -1);
            fd >= 0 && ::close(fd) != 0 && writeError == 0 && errno != EINTR) {
            writeError = errno;
        }
        if (writeError != 0) {
            failWith(shownAs, std::string("cannot write the restored database: ") +
                                  std::strerror(writeError));
        }
        if (entries == 0) {
            failWith(backup, "damaged: the backup holds no database");
        }
        // An encrypted database inside, sealed with its own passphrase
        // (backup --encrypt) or another one (the window asks for one).
        if (!opensWithPassphrase(copy.path(), secret) &&
            !(databasePassphrase && opensWithPassphrase(copy.path(), databasePassphrase()))) {
            failWith(backup, std::string("the encrypted database inside opens neither with the "
                                         "backup's passphrase") +
                                 (databasePassphrase ? " nor with the database's" : "") +
                                 "; nothing was changed");
        }
    } else {
        in.close();
        char header[16] = {};
        std::ifstream probe(backup, std::ios::binary);
        probe.read(header, sizeof header);
        // A database file, plain or encrypted (store/encrypted_file/: opened
        // with its key, which the caller made known).
        const std::string_view start(header, static_cast<std::size_t>(probe.gcount()));
        if (start != std::string_view("SQLite format 3\0", 16) &&
            start != std::string_view("KnotmapEncrypted", 16)) {
            failWith(backup, "not a Knotmap backup (neither a database nor an encrypted backup)");
        }
        snapshotFrom(*openSource(backup, backup), copy.path(), shownAs,
                     "cannot write the restored database");
    }
    BackupSummary summary = checkBackupDatabase(copy.path(), backup.string());
    putBackupInPlace(copy.path(), target);
    copy.keep();
    summary.path = target;
    summary.encrypted = sealedContent.has_value();
    return summary;
}

} // namespace knotmap
