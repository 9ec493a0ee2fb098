#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace knotmap {

// What happened while opening, for the user to be told.
struct OpenReport {
    bool created = false;                            // a new, empty database was initialised
    int versionBefore = 0;                           // schema version found in the file
    int versionAfter = 0;                            // schema version after migrating
    std::optional<std::filesystem::path> backupPath; // written before migrating existing data
};

// An open Knotmap database: checked, migrated to the current schema, foreign
// keys on, WAL journal, busy timeout. One per thread.
class Database {
public:
    // Opens (creating when absent, mode 0600) and migrates the file at path.
    // Throws StoreError with a one-line message naming the file; a file that
    // cannot be used safely is never modified.
    static Database open(const std::filesystem::path& path);
    // Opens the file at path without migrating past targetVersion (tests).
    static Database openAtVersion(const std::filesystem::path& path, int targetVersion);
    // A private in-memory database with the current schema (tests).
    static Database openInMemory();

    [[nodiscard]] SQLite::Database& sql() { return *m_db; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const OpenReport& openReport() const { return m_report; }
    // True when no client, session or knot has been saved yet.
    [[nodiscard]] bool holdsNoUserData();

private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, OpenReport report);
    static Database openFile(const std::filesystem::path& path, int targetVersion);

    std::unique_ptr<SQLite::Database> m_db;
    std::filesystem::path m_path;
    OpenReport m_report;
};

// Copies the open database to destination with SQLite's online backup API.
// The copy is created with mode 0600. Throws StoreError on failure.
void backupDatabase(SQLite::Database& source, const std::filesystem::path& destination);

} // namespace knotmap
