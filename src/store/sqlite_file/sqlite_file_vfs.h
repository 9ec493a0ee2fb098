#pragma once

#include "crypto/secret.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string>

// Every SQLite file Knotmap opens (the database, its backups, copies) is
// opened through here, so an encrypted one goes through the encrypted VFS
// (store/encrypted_file/) and a plain one through SQLite's own.
namespace knotmap {

// The VFS for path: the encrypted one when a key is known for it
// (encrypted::useKey, or a backup or copy of such a file), else SQLite's
// default (nullptr).
[[nodiscard]] const char* vfsFor(const std::filesystem::path& path);

[[nodiscard]] std::unique_ptr<SQLite::Database> openSqliteFile(const std::filesystem::path& path,
                                                               int flags, int busyTimeoutMs = 0);

// An encrypted file with no key given is refused (PassphraseNeeded, naming
// the file); anything else passes.
void requireKeyIfEncrypted(const std::filesystem::path& path);

// A new file that will hold a copy of database's pages (a backup, a
// staged creation): sealed with database's key when it has one. Call
// before the copy is first opened; returns whether it will be encrypted.
bool sealLikeDatabase(const std::filesystem::path& copy, const std::filesystem::path& database);
// A file taken out of a sealed backup (backup --encrypt): when it is an
// encrypted database whose key is not known, its key from passphrase.
// False when passphrase does not open it (a plain file, or one whose key is
// known, needs none: true).
[[nodiscard]] bool opensWithPassphrase(const std::filesystem::path& copy,
                                       const crypto::Secret& passphrase);
// The key given to a staged file by name dropped again (the file was
// renamed, or removed).
void forgetSealing(const std::filesystem::path& copy);
// The file name SQLite has for db's main database.
[[nodiscard]] std::filesystem::path mainFileOf(SQLite::Database& db);

// The VFS for a private temporary database (an empty file name): the
// encrypted one, whose temporary files are encrypted under a key that
// lives only in memory.
[[nodiscard]] const char* scratchVfs();

// On an empty file opened through the encrypted VFS: keeps room at the
// end of every page for its nonce and tag. Nothing when the file is plain.
void reservePageSpaceIfEncrypted(SQLite::Database& db, const std::filesystem::path& path);

} // namespace knotmap
