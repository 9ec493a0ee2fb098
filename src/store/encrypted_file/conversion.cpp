#include "store/encrypted_file/conversion.h"

#include "core/staging_path.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/store_error.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cerrno>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace knotmap::encrypted {
namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& problem) {
    throw StoreError(path.string() + ": " + problem);
}

// Registers key for path while alive (nothing when key is null).
class KeyInUse {
public:
    KeyInUse(fs::path path, const std::shared_ptr<const FileKey>& key) : m_path(std::move(path)) {
        if (key != nullptr) {
            useKey(m_path, key);
            m_used = true;
        }
    }
    ~KeyInUse() {
        if (m_used) {
            forgetKey(m_path);
        }
    }
    KeyInUse(const KeyInUse&) = delete;
    KeyInUse& operator=(const KeyInUse&) = delete;

private:
    fs::path m_path;
    bool m_used = false;
};

SQLite::Database openWith(const fs::path& path, const std::shared_ptr<const FileKey>& key,
                          int flags) {
    registerEncryptedVfs();
    return {path.c_str(), flags | SQLite::OPEN_URI, 2000,
            key != nullptr ? kVfsName : static_cast<const char*>(nullptr)};
}

// Rows in every table, so the copy can be compared with what it was made from.
std::vector<std::pair<std::string, std::int64_t>> countRows(SQLite::Database& db) {
    std::vector<std::string> tables;
    SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (list.executeStep()) {
        tables.push_back(list.getColumn(0).getString());
    }
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (const std::string& table : tables) {
        std::string quoted = "\"";
        for (const char c : table) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        quoted += '"';
        counts.emplace_back(table, db.execAndGet("SELECT count(*) FROM " + quoted).getInt64());
    }
    return counts;
}

std::string uriOf(const fs::path& path, bool encrypted) {
    std::string uri = "file:";
    for (const char c : fs::absolute(path).string()) {
        // The characters a URI path cannot hold as they are.
        if (c == '%' || c == '?' || c == '#' || c == ' ' || c == '\'') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(c);
            uri += '%';
            uri += kHex[byte >> 4];
            uri += kHex[byte & 15];
        } else {
            uri += c;
        }
    }
    // Named either way: VACUUM INTO would otherwise use the source's VFS.
    return uri + "?vfs=" + (encrypted ? kVfsName : sqlite3_vfs_find(nullptr)->zName);
}

void removeQuietly(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
    fs::remove(fs::path(path.string() + "-wal"), ignored);
    fs::remove(fs::path(path.string() + "-shm"), ignored);
    fs::remove(fs::path(path.string() + "-journal"), ignored);
}

} // namespace

ConversionReport convertDatabaseFile(const fs::path& path,
                                     const std::shared_ptr<const FileKey>& from,
                                     const std::shared_ptr<const FileKey>& to) {
    const fs::path copy = hiddenStagingPath(path, "converting");
    const fs::path kept = hiddenStagingPath(path, "before-conversion");
    KeyInUse sourceKey(path, from);
    KeyInUse copyKey(copy, to);
    ConversionReport report;
    try {
        SQLite::Database source = openWith(path, from, SQLite::OPEN_READWRITE);
        // Held to the end: no other program writes meanwhile (its writes
        // would go to the old file), and one that has the file open makes
        // this fail now rather than lose its work later.
        source.exec("PRAGMA locking_mode = EXCLUSIVE");
        try {
            source.exec("BEGIN IMMEDIATE; COMMIT");
            source.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception& error) {
            if (error.getErrorCode() == SQLITE_BUSY || error.getErrorCode() == SQLITE_LOCKED) {
                fail(path, "another program has the database open (a Knotmap window?); close it "
                           "and try again. Nothing was changed");
            }
            throw;
        }
        if (source.execAndGet("PRAGMA page_size").getInt() != kPageSize) {
            fail(path, "its pages are not 4096 bytes, the size encryption needs; run "
                       "`sqlite3 FILE 'PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; "
                       "PRAGMA journal_mode=WAL'` first. Nothing was changed");
        }
        const auto before = countRows(source);
        if (to != nullptr) {
            // Room at the end of every page for its nonce and tag, in the copy.
            int reserve = kReservedBytes;
            sqlite3_file_control(source.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        }
        {
            SQLite::Statement vacuum(source, "VACUUM INTO ?");
            vacuum.bind(1, uriOf(copy, to != nullptr));
            vacuum.exec();
        }
        ::chmod(copy.c_str(), 0600);
        {
            SQLite::Database check = openWith(copy, to, SQLite::OPEN_READWRITE);
            check.exec("PRAGMA journal_mode = WAL");
            const std::string verdict = check.execAndGet("PRAGMA integrity_check").getString();
            if (verdict != "ok") {
                fail(path, "the new copy did not pass its check (" + verdict +
                               "); the database was left as it was");
            }
            if (countRows(check) != before) {
                fail(path, "the new copy does not hold the same rows; the database was left as "
                           "it was");
            }
            report.tables = static_cast<std::int64_t>(before.size());
            for (const auto& [table, rows] : before) {
                report.rows += rows;
            }
            check.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        // The old file stays reachable under `kept` until the new one checks out.
        if (::link(path.c_str(), kept.c_str()) != 0) {
            fail(path, std::string("cannot keep the old file while swapping: ") +
                           std::strerror(errno) + ". Nothing was changed");
        }
        try {
            moveIntoPlace(copy, path, ExistingTarget::Replace);
        } catch (const std::system_error& error) {
            fs::remove(kept);
            fail(path, std::string("cannot put the new file in place: ") + error.what() +
                           ". Nothing was changed");
        }
    } catch (const SQLite::Exception& error) {
        removeQuietly(copy);
        fail(path, std::string(error.what()) + ". Nothing was changed");
    } catch (...) {
        removeQuietly(copy);
        throw;
    }
    // The source connection is closed: reopen what is now at path.
    try {
        KeyInUse newKey(path, to);
        SQLite::Database reopened = openWith(path, to, SQLite::OPEN_READWRITE);
        if (reopened.execAndGet("PRAGMA quick_check").getString() != "ok") {
            throw StoreError("check failed");
        }
    } catch (const std::exception& error) {
        moveIntoPlace(kept, path, ExistingTarget::Replace);
        fail(path, std::string("the new file did not open after the swap (") + error.what() +
                       "); the old one was put back");
    }
    fs::remove(kept);
    syncFolderOf(path);
    return report;
}

} // namespace knotmap::encrypted
