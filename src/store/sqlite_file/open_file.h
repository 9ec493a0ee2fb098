#pragma once

#include "store/database.h"

#include <filesystem>

// Opening an SQLite database file: created atomically when missing, its
// header and schema checked before anything is written, backed up before a
// migration (store/database.h says what callers get).
namespace knotmap {

[[nodiscard]] Database openDatabaseFile(const std::filesystem::path& path, int targetVersion,
                                        const OpenOptions& options);
[[nodiscard]] Database openInMemoryDatabase();
// A plain read-only connection for a worker thread (store/database.h).
[[nodiscard]] std::unique_ptr<sql::Connection> openFileReader(const std::filesystem::path& path);

} // namespace knotmap
