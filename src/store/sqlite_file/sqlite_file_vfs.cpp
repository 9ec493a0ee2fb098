#include "store/sqlite_file/sqlite_file_vfs.h"

#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"
#include "store/store_error.h"

#include <sqlite3.h>

namespace knotmap {

const char* vfsFor(const std::filesystem::path& path) {
    return encrypted::keyFor(path) != nullptr ? encrypted::kVfsName : nullptr;
}

const char* scratchVfs() {
    encrypted::registerEncryptedVfs();
    return encrypted::kVfsName;
}

std::unique_ptr<SQLite::Database> openSqliteFile(const std::filesystem::path& path, int flags,
                                                 int busyTimeoutMs) {
    return std::make_unique<SQLite::Database>(path.c_str(), flags, busyTimeoutMs, vfsFor(path));
}

void requireKeyIfEncrypted(const std::filesystem::path& path) {
    if (encrypted::isEncryptedDatabaseFile(path) && encrypted::keyFor(path) == nullptr) {
        throw PassphraseNeeded(path.string() +
                               ": the database is encrypted; give its passphrase (typed at the "
                               "prompt, --passphrase-file FILE or KNOTMAP_PASSPHRASE)");
    }
}

bool sealLikeDatabase(const std::filesystem::path& copy, const std::filesystem::path& database) {
    std::shared_ptr<const encrypted::FileKey> key = encrypted::keyFor(database);
    if (key == nullptr) {
        return false;
    }
    encrypted::useKey(copy, std::move(key));
    return true;
}

bool opensWithPassphrase(const std::filesystem::path& copy, const crypto::Secret& passphrase) {
    if (!encrypted::isEncryptedDatabaseFile(copy) || encrypted::keyFor(copy) != nullptr) {
        return true;
    }
    try {
        encrypted::useKey(copy, encrypted::FileKey::unlock(encrypted::readHeader(copy), passphrase,
                                                           copy.string()));
        return true;
    } catch (const encrypted::WrongPassphrase&) {
        return false;
    }
}

void forgetSealing(const std::filesystem::path& copy) {
    encrypted::forgetKey(copy);
}

std::filesystem::path mainFileOf(SQLite::Database& db) {
    const char* name = sqlite3_db_filename(db.getHandle(), "main");
    return name != nullptr ? std::filesystem::path(name) : std::filesystem::path();
}

void reservePageSpaceIfEncrypted(SQLite::Database& db, const std::filesystem::path& path) {
    if (vfsFor(path) != nullptr) {
        int reserve = encrypted::kReservedBytes;
        sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    }
}

} // namespace knotmap
