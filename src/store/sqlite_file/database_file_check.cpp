#include "store/sqlite_file/database_file_check.h"

#include "store/encrypted_file/encrypted_vfs.h"
#include "store/sqlite_file/sqlite_file_vfs.h"
#include "store/store_error.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace knotmap {
namespace {

// A page of an encrypted database that did not open (store/encrypted_file/
// returns SQLITE_IOERR_DATA).
constexpr const char* kFailedAuthentication =
    "damaged or tampered with: a page of the encrypted database failed its authentication "
    "check (changed, moved, cut short or from another file); nothing was read from it. "
    "Restore a backup (knotmap backups)";

namespace fs = std::filesystem;

constexpr std::uint32_t kKnotmapApplicationId = 0x4B4E4F54; // "KNOT", set by 001_initial.sql

[[noreturn]] void fail(const fs::path& path, const std::string& problem) {
    throw StoreError(path.string() + ": " + problem);
}

// Permission bits matter even for root (CI runs as root, where access()
// reports every file writable): a file or folder with no write bit set is
// treated as read-only, as the user intended.
bool isWritable(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return false;
    }
    return (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 && ::access(path.c_str(), W_OK) == 0;
}

fs::path folderOf(const fs::path& path) {
    fs::path folder = path.parent_path();
    return folder.empty() ? fs::path(".") : folder;
}

std::string newerVersionProblem(int found, int newestKnownVersion) {
    return "written by a newer Knotmap (schema version " + std::to_string(found) +
           ", this version knows up to " + std::to_string(newestKnownVersion) +
           "); not opened, nothing changed";
}

// A hint from the file's size (stat, no descriptor) for a file SQLite calls
// malformed: a cut-off file says so, in the words people understand.
// SQLite reports a write that ran out of room as SQLITE_FULL only for the
// database and its journal; the -shm it maps, or a WAL it cannot grow,
// surface as a disk I/O error whose errno it does not pass on. Less room
// left than SQLite's shared-memory block needs is then the reason.
bool diskNearlyFull(const fs::path& path) {
    struct statvfs space {};
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    return ::statvfs(folder.c_str(), &space) == 0 &&
           static_cast<std::uint64_t>(space.f_bavail) * space.f_frsize < 64 * 1024;
}

std::string truncationHint(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return {};
    }
    const auto size = static_cast<long long>(info.st_size);
    if (size < 100) {
        return " (the file is truncated: " + std::to_string(size) +
               " bytes, shorter than an SQLite header)";
    }
    if (size % 512 != 0) {
        return " (the file is truncated: " + std::to_string(size) +
               " bytes is not a whole number of pages)";
    }
    return {};
}

std::uint32_t readBigEndian(const unsigned char* bytes, std::size_t bytesLong) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytesLong; ++i) {
        value = (value << 8) | bytes[i];
    }
    return value;
}

// The file's first bytes, read through its VFS (see the header).
// Returns how many bytes the file holds of them.
std::size_t readHeaderThroughVfs(const fs::path& path, std::array<unsigned char, 100>& header) {
    sqlite3_vfs* vfs = sqlite3_vfs_find(vfsFor(path)); // an encrypted file's page 1 decrypted
    std::string fullPath(static_cast<std::size_t>(vfs->mxPathname) + 1, '\0');
    if (vfs->xFullPathname(vfs, path.c_str(), vfs->mxPathname, fullPath.data()) != SQLITE_OK) {
        fail(path, "cannot resolve the path");
    }
    std::vector<std::max_align_t> storage(
        (static_cast<std::size_t>(vfs->szOsFile) + sizeof(std::max_align_t) - 1) /
        sizeof(std::max_align_t));
    auto* file = reinterpret_cast<sqlite3_file*>(storage.data());
    int outFlags = 0;
    const int opened = vfs->xOpen(vfs, fullPath.c_str(), file,
                                  SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags);
    if (opened != SQLITE_OK) {
        if (file->pMethods != nullptr) {
            file->pMethods->xClose(file);
        }
        if (opened == SQLITE_IOERR_DATA) {
            fail(path, kFailedAuthentication);
        }
        fail(path, "cannot read the file (SQLite error " + std::to_string(opened) + ")");
    }
    sqlite3_int64 size = 0;
    file->pMethods->xFileSize(file, &size);
    const int read = file->pMethods->xRead(file, header.data(), static_cast<int>(header.size()), 0);
    file->pMethods->xClose(file);
    if (read == SQLITE_IOERR_DATA) {
        fail(path, kFailedAuthentication);
    }
    if (read != SQLITE_OK && read != SQLITE_IOERR_SHORT_READ) {
        fail(path, "cannot read the file (SQLite error " + std::to_string(read) + ")");
    }
    return static_cast<std::size_t>(std::min<sqlite3_int64>(size, 100));
}

// PRAGMA quick_check reads every page at about 70 MB/s here: 60 ms cover the
// few megabytes of an individual's many years of daily logging, while a large
// practice's file (200 MB takes about 3 s) must not make every command and
// the window's opening wait (docs/performance.md: opening under 100 ms).
constexpr auto kQuickCheckBudget = std::chrono::milliseconds(60);

// Interrupts what db runs once budget has passed, unless stopped first.
// SQLite 3.40's quick_check heeds sqlite3_interrupt from another thread
// within milliseconds but not a progress handler (its page walk is one
// virtual-machine step).
class Watchdog {
public:
    Watchdog(SQLite::Database& db, std::chrono::milliseconds budget)
        : m_thread([this, handle = db.getHandle(), budget] {
              std::unique_lock lock(m_mutex);
              if (!m_stopped.wait_for(lock, budget, [this] { return m_done; })) {
                  m_fired = true;
                  sqlite3_interrupt(handle);
              }
          }) {}
    ~Watchdog() { stop(); }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Returns whether it interrupted; after this nothing more is interrupted.
    bool stop() {
        {
            const std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_stopped.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
        return m_fired;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_stopped;
    bool m_done = false;
    bool m_fired = false;
    std::thread m_thread; // last: started once the members above exist
};

// Every table's first page, through SQLite: finds most damage at once
// (SQLITE_CORRUPT is thrown).
void readEveryTable(SQLite::Database& db) {
    std::vector<std::string> names;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
    while (tables.executeStep()) {
        names.push_back(tables.getColumn(0).getString());
    }
    for (const std::string& name : names) {
        std::string quoted = "\"";
        for (char c : name) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        db.exec("SELECT * FROM " + quoted + "\" LIMIT 1");
    }
}

// What quick_check found: damage, and tables whose rows break a CHECK, NOT
// NULL or STRICT type constraint (those rows are found by id later, by
// store/constraint_check.h; the file itself is sound).
struct QuickCheckFindings {
    std::optional<std::string> damage; // the first line that is not a constraint
    int damageLines = 0;
    std::vector<std::string> constraintTables;
};

// "CHECK constraint failed in T", "NULL value in T.c", "non-INTEGER value in
// T.c" (SQLite 3.40's wording): the table, or nothing for any other line.
std::optional<std::string> constraintTable(const std::string& line) {
    for (const std::string_view prefix : {"CHECK constraint failed in ", "NULL value in "}) {
        if (line.starts_with(prefix)) {
            const std::string rest = line.substr(prefix.size());
            return rest.substr(0, rest.find('.'));
        }
    }
    const std::size_t value = line.find(" value in ");
    if (line.starts_with("non-") && value != std::string::npos &&
        line.find('.', value) != std::string::npos) {
        const std::string rest = line.substr(value + 10);
        return rest.substr(0, rest.find('.'));
    }
    return std::nullopt;
}

// SQLite's quick_check, given budget: what it found, nothing when the file is
// sound. When the budget runs out first, the check falls back to reading
// every table's first page (knotmap info checks the whole file).
QuickCheckFindings quickCheckWithin(SQLite::Database& db, std::chrono::milliseconds budget) {
    QuickCheckFindings findings;
    Watchdog watchdog(db, budget);
    try {
        SQLite::Statement check(db, "PRAGMA quick_check");
        while (check.executeStep()) {
            const std::string line = check.getColumn(0).getString();
            if (line == "ok") {
                continue;
            }
            if (const auto table = constraintTable(line)) {
                if (std::find(findings.constraintTables.begin(), findings.constraintTables.end(),
                              *table) == findings.constraintTables.end()) {
                    findings.constraintTables.push_back(*table);
                }
            } else if (findings.damageLines++ == 0) {
                findings.damage = line;
            }
        }
    } catch (const SQLite::Exception& error) {
        if (!watchdog.stop() || error.getErrorCode() != SQLITE_INTERRUPT) {
            throw;
        }
        readEveryTable(db);
        return {};
    }
    watchdog.stop();
    if (findings.damageLines > 1) {
        *findings.damage += " (and " + std::to_string(findings.damageLines - 1) + " more)";
    }
    return findings;
}

} // namespace

void checkDatabaseHeader(const fs::path& path, int newestKnownVersion) {
    std::array<unsigned char, 100> header{};
    const std::size_t got = readHeaderThroughVfs(path, header);
    static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
    const std::string_view start(reinterpret_cast<const char*>(header.data()),
                                 std::min(got, kMagic.size()));
    if (!kMagic.starts_with(start) || got == 0) {
        fail(path, "not a Knotmap database (not an SQLite file)");
    }
    if (got < header.size()) {
        fail(path, "damaged database: the file is truncated (" + std::to_string(got) +
                       " bytes, shorter than an SQLite header)");
    }
    const std::uint32_t applicationId = readBigEndian(header.data() + 68, 4);
    if (applicationId != 0 && applicationId != kKnotmapApplicationId) {
        fail(path, "not a Knotmap database (an SQLite file of another application)");
    }
    const auto userVersion = static_cast<std::int32_t>(readBigEndian(header.data() + 60, 4));
    if (userVersion > newestKnownVersion) {
        fail(path, newerVersionProblem(userVersion, newestKnownVersion));
    }
}

void createMissingFolders(const fs::path& path) {
    const fs::path folder = folderOf(path);
    std::error_code error;
    if (fs::exists(folder, error)) {
        if (!fs::is_directory(folder, error)) {
            fail(path, folder.string() + " is not a folder");
        }
        return;
    }
    // Create one level at a time so that exactly the folders made here get
    // 0700; folders that were there already keep their modes.
    createMissingFolders(folder);
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        fail(path, "cannot create folder " + folder.string() + ": " + std::strerror(errno));
    }
    ::chmod(folder.c_str(), 0700); // the umask may have taken bits away
}

PathAssessment assessDatabasePath(const fs::path& path, const OpenOptions& options) {
    PathAssessment result;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno != ENOENT && errno != ENOTDIR) {
            fail(path, std::string("cannot access the file: ") + std::strerror(errno));
        }
        if (!options.createIfMissing) {
            fail(path, "no database here (nothing was created; check the path)");
        }
        const fs::path folder = folderOf(path);
        std::error_code ignored;
        if (fs::exists(folder, ignored) && !isWritable(folder)) {
            fail(path, "cannot create the database: folder " + folder.string() + " is read-only");
        }
        result.state = PathState::Missing;
        return result;
    }
    if (S_ISDIR(info.st_mode)) {
        fail(path, "is a folder, not a database file");
    }
    if (!S_ISREG(info.st_mode)) {
        fail(path, "is not a regular file");
    }
    if (info.st_size == 0 && !options.createIfMissing) {
        fail(path, "the file is empty (0 bytes), not a Knotmap database; nothing was changed");
    }
    result.state = info.st_size == 0 ? PathState::Empty : PathState::Existing;
    const bool fileWritable = isWritable(path);
    // WAL mode keeps two companion files beside the database.
    const bool folderWritable = isWritable(folderOf(path));
    if (fileWritable && folderWritable) {
        return result;
    }
    if (options.readOnlyAllowed && result.state == PathState::Existing) {
        result.readOnly = true;
        return result;
    }
    if (!fileWritable) {
        fail(path, "the file is read-only; Knotmap needs to write to it (check its permissions)");
    }
    fail(path, "the folder " + folderOf(path).string() +
                   " is read-only; Knotmap needs to write beside the database");
}

std::vector<std::string> verifyOpenedDatabase(SQLite::Database& db, const fs::path& path,
                                              int newestKnownVersion) {
    try {
        // The first read of the schema makes SQLite check the header, take a
        // shared lock and recover: replay a WAL, roll back a hot journal.
        const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        const int userVersion = db.execAndGet("PRAGMA user_version").getInt();
        const auto applicationId =
            static_cast<std::uint32_t>(db.execAndGet("PRAGMA application_id").getInt());
        if (applicationId != 0 && applicationId != kKnotmapApplicationId) {
            fail(path, "not a Knotmap database (an SQLite file of another application)");
        }
        if (applicationId != kKnotmapApplicationId && objects > 0) {
            fail(path, "not a Knotmap database (it holds tables of another application)");
        }
        if (userVersion > newestKnownVersion) {
            fail(path, newerVersionProblem(userVersion, newestKnownVersion));
        }
        if (objects == 0) {
            return {}; // a new database: nothing to check yet
        }
        QuickCheckFindings findings = quickCheckWithin(db, kQuickCheckBudget);
        if (findings.damage) {
            if (findings.damage->find("error code=" + std::to_string(SQLITE_IOERR_DATA)) !=
                std::string::npos) {
                fail(path, kFailedAuthentication);
            }
            fail(path, "damaged database: " + *findings.damage + truncationHint(path));
        }
        return std::move(findings.constraintTables);
    } catch (const SQLite::Exception& error) {
        throw StoreError(describeSqliteFailure(path, error));
    }
}

std::string describeSqliteFailure(const fs::path& path, const SQLite::Exception& error) {
    return describeSqliteFailure(path, sql::Error(sql::ErrorKind::Other, error.what(),
                                                  std::to_string(error.getExtendedErrorCode())));
}

std::string describeSqliteFailure(const fs::path& path, const sql::Error& error) {
    const std::string prefix = path.string() + ": ";
    int extended = 0;
    try {
        extended = std::stoi(error.code());
    } catch (const std::exception&) { // not an SQLite code: the message says it all
    }
    if (extended == SQLITE_IOERR_DATA ||
        ((extended & 0xff) == SQLITE_IOERR && encrypted::pageFailures() > 0 &&
         encrypted::isEncryptedDatabaseFile(path))) {
        return prefix + kFailedAuthentication;
    }
    if (extended == SQLITE_AUTH) {
        return prefix + "the database is encrypted; give its passphrase";
    }
    const int code = extended & 0xff;
    switch (code) {
    case SQLITE_NOTADB:
        return prefix + "not a Knotmap database (not an SQLite file)";
    case SQLITE_CORRUPT:
        return prefix + "damaged database: " + error.what() + truncationHint(path);
    case SQLITE_FULL:
        return prefix + "the disk is full (" + error.what() + "); nothing was saved";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return prefix + "another program kept the database locked for too long (" + error.what() +
               "); nothing was changed, try again";
    case SQLITE_READONLY:
        return prefix + "cannot write to the database (" + error.what() + ")";
    case SQLITE_IOERR:
        if (diskNearlyFull(path)) {
            return prefix + "the disk is full (" + std::strerror(ENOSPC) + "); nothing was saved";
        }
        return prefix + error.what();
    default:
        return prefix + error.what();
    }
}

} // namespace knotmap
