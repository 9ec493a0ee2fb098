#pragma once

#include "store/database.h"

#include <filesystem>
#include <string>

// The database backend the store tests run on. CTest runs the store tests
// twice (tests/CMakeLists.txt): on SQLite files, and with
// KNOTMAP_TEST_BACKEND=postgresql:FOLDER on the throw-away server that
// scripts/test-postgres started in FOLDER for the run.
namespace knotmap::testing {

[[nodiscard]] bool testingOnServer();
// KNOTMAP_TEST_BACKEND=encrypted: new database files are encrypted ones.
[[nodiscard]] bool testingEncrypted();

// The test server's connection string (from KNOTMAP_TEST_POSTGRES_DIR);
// throws std::runtime_error saying how to start one when there is none.
[[nodiscard]] std::string testServerConninfo();

// A new, empty schema on the test server and the location that opens it.
[[nodiscard]] DatabaseLocation freshServerSchema();

// Opens the test database called path: the file itself, or on the server a
// schema of its own for each path (the same path opens the same schema
// again within one test process).
[[nodiscard]] Database openTestDatabase(const std::filesystem::path& path,
                                        const OpenOptions& options = {});
// A fresh private database: in memory, a new schema on the server, or a
// new encrypted file.
[[nodiscard]] Database openTestDatabase();

} // namespace knotmap::testing
