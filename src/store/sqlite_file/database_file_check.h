#pragma once

#include "store/open_options.h"
#include "store/sql/sql_error.h"

#include <filesystem>
#include <string>
#include <vector>

// Judging a database path and file. Nothing here opens a descriptor on the
// database or its companions outside SQLite: closing any descriptor on the
// file drops every POSIX lock the process holds on it, and another process
// may then delete the live WAL (see docs/architecture.md, "One descriptor").
// The path is looked at with stat() only; the file itself through SQLite.
namespace SQLite {
class Database;
class Exception;
} // namespace SQLite

namespace knotmap {

enum class PathState {
    Missing, // nothing at the path
    Empty,   // a 0-byte file: may become a new database
    Existing // a non-empty regular file, to be judged by SQLite
};

struct PathAssessment {
    PathState state = PathState::Missing;
    bool readOnly = false; // the file (or its folder) may be read but not written
};

// Looks at the path with stat() only. Throws StoreError naming the path when
// it cannot be used as the options ask: missing or empty where nothing may be
// created, a folder, a device, or read-only where writing is needed.
[[nodiscard]] PathAssessment assessDatabasePath(const std::filesystem::path& path,
                                                const OpenOptions& options);

// Reads the 100-byte SQLite header through SQLite's own file layer (its
// default VFS), which never closes a descriptor while a connection in the
// process holds a lock on the file, and refuses what is plainly not a
// Knotmap database before SQLite is let near it: not SQLite, cut off inside
// the header, another application's id, a newer schema. A short main file
// is never judged here: in WAL mode it is legitimately shorter until a
// checkpoint. Throws StoreError naming path.
void checkDatabaseHeader(const std::filesystem::path& path, int newestKnownVersion);

// Creates the folders missing above path, each 0700 whatever the umask.
// Throws StoreError naming path.
void createMissingFolders(const std::filesystem::path& path);

// Judges a freshly opened connection by what SQLite says of it: an SQLite
// file (SQLITE_NOTADB otherwise), Knotmap's application id, a schema version
// this Knotmap knows, and PRAGMA quick_check (given 60 ms;
// a larger file gets every table's first page read, and `knotmap info` runs
// the full integrity_check). Reading the schema is also what
// makes SQLite recover a WAL that was not checkpointed or roll back a hot
// journal. Throws StoreError naming path with today's wording: "not a
// Knotmap database (...)", "written by a newer Knotmap (...)", "damaged
// database: ...". Rows breaking a CHECK, NOT NULL or STRICT type are not
// damage to the file: the tables quick_check names for them are returned,
// for store/constraint_check.h to find the rows by id.
[[nodiscard]] std::vector<std::string> verifyOpenedDatabase(SQLite::Database& db,
                                                            const std::filesystem::path& path,
                                                            int newestKnownVersion);

// A one-line, user-facing reason for an SQLite failure on path, e.g. a full
// disk or a lock held too long; used wherever a connection fails.
[[nodiscard]] std::string describeSqliteFailure(const std::filesystem::path& path,
                                                const SQLite::Exception& error);
[[nodiscard]] std::string describeSqliteFailure(const std::filesystem::path& path,
                                                const sql::Error& error);

} // namespace knotmap
