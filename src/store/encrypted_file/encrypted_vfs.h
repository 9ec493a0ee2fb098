#pragma once

#include "store/encrypted_file/file_key.h"

#include <filesystem>
#include <memory>

// The SQLite VFS that keeps a database encrypted on disk: a thin layer over
// the system's default VFS that seals each page of the database file, its
// WAL and its rollback journal on the way down and opens it on the way up
// (docs/encryption.md). SQLite itself, WAL, STRICT tables and the backup API
// see plain pages and work unchanged.
namespace knotmap::encrypted {

inline constexpr const char* kVfsName = "knotmap-encrypted";

// Registers the VFS with SQLite once per process (not as the default).
void registerEncryptedVfs();

// From now on the database file at path (its WAL and journal too) is read
// and written with key when opened through kVfsName. A file opened through
// the VFS without a key is refused. A missing file gets key's header when
// SQLite creates it.
void useKey(const std::filesystem::path& path, std::shared_ptr<const FileKey> key);
void forgetKey(const std::filesystem::path& path);
// The key given for path, or else a key given for another file whose header
// path's file starts with (a backup or copy of it); nullptr if none.
[[nodiscard]] std::shared_ptr<const FileKey> keyFor(const std::filesystem::path& path);

// How many pages failed to open in this process so far. SQLite passes the
// failure on as SQLITE_IOERR_DATA, but loading the schema loses the extended
// code (plain SQLITE_IOERR): a message about a failed read looks here.
[[nodiscard]] long pageFailures();

} // namespace knotmap::encrypted
