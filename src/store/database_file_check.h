#pragma once

#include <filesystem>

namespace knotmap {

enum class DatabaseFileState {
    New,     // did not exist; created empty with mode 0600
    Empty,   // exists with zero bytes: treated as a new database
    Existing // an SQLite file that looks like Knotmap's and is safe to open
};

// Checks a database path before SQLite touches it, so a wrong, damaged,
// read-only or too-new file is reported and never modified. Creates the file
// (mode 0600: health data) and missing parent folders (0700) when absent.
// Throws StoreError with a one-line message naming the file.
DatabaseFileState prepareDatabaseFile(const std::filesystem::path& path, int newestKnownVersion);

} // namespace knotmap
