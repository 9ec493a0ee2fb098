#pragma once

#include <filesystem>

// A database file and its companions on disk (-wal, -shm, -journal).
namespace knotmap {

// True when other is the database at path or one of its companions, by
// device and inode: what the CLI must never read as a CSV or write an
// export over while the database is open.
[[nodiscard]] bool isDatabaseOrCompanion(const std::filesystem::path& path,
                                         const std::filesystem::path& other);

// Notes that this process created the database now at path.
void rememberCreated(const std::filesystem::path& path);
// True when this process created the database now at path (not another
// process that created the same path a moment earlier).
[[nodiscard]] bool createdByThisProcess(const std::filesystem::path& path);

// Deletes a database file with its -wal, -shm and -journal. Only for a
// database this process created and has closed (a failed first import).
void removeDatabaseAndCompanions(const std::filesystem::path& path);

} // namespace knotmap
