#include "store/client_repository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store_fixtures.h"
#include "support/temp_folder.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>

using namespace knotmap;
using knotmap::testing::readBytes;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;

namespace fs = std::filesystem;

namespace {

// A real Knotmap database with some history, checkpointed into the main file.
fs::path makeDatabase(const TempFolder& folder, const std::string& name = "knotmap.db") {
    const fs::path path = folder.file(name);
    Database database = Database::open(path);
    for (int i = 0; i < 40; ++i) {
        testing::addSampleHistory(database, "Client " + std::to_string(i));
    }
    database.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    database.sql().exec("PRAGMA journal_mode = DELETE"); // one self-contained file
    return path;
}

// Opening must fail with a message that names the file and contains problem,
// and must leave the file byte-for-byte as it was.
void checkRefused(const fs::path& path, const std::string& problem) {
    const std::string before = readBytes(path);
    std::string message;
    try {
        Database database = Database::open(path);
        FAIL("opening " << path << " should have failed");
    } catch (const StoreError& error) {
        message = error.what();
    }
    CAPTURE(message);
    CHECK(message.starts_with(path.string() + ": "));
    CHECK(message.find(problem) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(readBytes(path) == before);
    CHECK_FALSE(fs::exists(path.string() + "-wal"));
    CHECK_FALSE(fs::exists(path.string() + "-journal"));
}

} // namespace

TEST_CASE("a database from a newer Knotmap is refused and left untouched") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 7));
    }
    checkRefused(path, "written by a newer Knotmap (schema version " +
                           std::to_string(latestSchemaVersion() + 7) +
                           ", this version knows up to " + std::to_string(latestSchemaVersion()) +
                           ")");
}

TEST_CASE("a file that is not SQLite is refused and left untouched") {
    TempFolder folder;
    const fs::path notes = folder.file("notes.txt");
    writeBytes(notes, "Left shoulder sore after gardening.\n");
    checkRefused(notes, "not a Knotmap database (not an SQLite file)");

    const fs::path tiny = folder.file("tiny.db");
    writeBytes(tiny, "x");
    checkRefused(tiny, "not an SQLite file");
}

TEST_CASE("another application's SQLite database is refused and left untouched") {
    TempFolder folder;
    const fs::path path = folder.file("other.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)");
        raw.exec("INSERT INTO recipes (title) VALUES ('Soup')");
    }
    checkRefused(path, "not a Knotmap database");
}

TEST_CASE("a truncated database is refused and left untouched") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    const std::string whole = readBytes(path);
    REQUIRE(whole.size() >= 3 * 4096);

    // SQLite judges the file; the size (from stat) explains what it found.
    writeBytes(path, whole.substr(0, whole.size() / 2 + 100)); // mid-page
    checkRefused(path, "damaged database: ");
    checkRefused(path, "(the file is truncated: ");

    writeBytes(path, whole.substr(0, 2 * 4096)); // whole pages, but fewer than the header says
    checkRefused(path, "damaged database: ");

    writeBytes(path, whole.substr(0, 60)); // not even a full header
    checkRefused(path, "damaged database: ");
    checkRefused(path, "shorter than an SQLite header");
}

TEST_CASE("a corrupt database is refused and left untouched") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    std::string bytes = readBytes(path);
    // Scribble over the schema page's cell area, keeping the 100-byte file header.
    for (std::size_t i = 100; i < 4096; ++i) {
        bytes[i] = static_cast<char>((i * 37) & 0xFF);
    }
    writeBytes(path, bytes);
    checkRefused(path, "damaged database");
}

TEST_CASE("a read-only database file is refused and left untouched") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read);
    checkRefused(path, "the file is read-only");
}

TEST_CASE("a database in a read-only folder is refused and left untouched") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    fs::permissions(folder.path(), fs::perms::owner_read | fs::perms::owner_exec);
    checkRefused(path, "is read-only; Knotmap needs to write beside the database");
    fs::permissions(folder.path(), fs::perms::owner_all);
}

TEST_CASE("a new database cannot be created in a read-only folder") {
    TempFolder folder;
    fs::permissions(folder.path(), fs::perms::owner_read | fs::perms::owner_exec);
    const fs::path path = folder.file("new.db");
    CHECK_THROWS_WITH_AS(Database::open(path),
                         (path.string() + ": cannot create the database: folder " +
                          folder.path().string() + " is read-only")
                             .c_str(),
                         StoreError);
    fs::permissions(folder.path(), fs::perms::owner_all);
    CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a folder given as the database path is refused") {
    TempFolder folder;
    CHECK_THROWS_WITH_AS(Database::open(folder.path()),
                         (folder.path().string() + ": is a folder, not a database file").c_str(),
                         StoreError);
}
