// Opening a database must never harm it or another program's use of it:
// healthy files in any state SQLite leaves them (a WAL not yet
// checkpointed, a hot journal after a crash) open with all their rows; the
// check opens no descriptor of its own; reading never creates anything; a
// read-only file opens read-only; writers wait for each other.
#include "store/client_repository.h"
#include "store/database.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/write_transaction.h"
#include "store_fixtures.h"
#include "support/temp_folder.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace knotmap;
using knotmap::testing::TempFolder;

namespace fs = std::filesystem;

namespace {

long long clientCount(const fs::path& path) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT count(*) FROM client").getInt64();
}

bool walExists(const fs::path& path) {
    return fs::exists(path.string() + "-wal");
}

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace

TEST_CASE("a database whose WAL is not checkpointed opens with every row, however short the "
          "main file") {
    TempFolder folder;
    const fs::path path = folder.file("wal.db");
    Database writer = Database::open(path);
    writer.sql().exec("PRAGMA wal_autocheckpoint = 0"); // everything stays in the WAL
    for (int i = 0; i < 60; ++i) {
        writer.sql().exec("INSERT INTO client (name, created_utc, notes) VALUES ('Client " +
                          std::to_string(i) + "', 0, hex(randomblob(500)))");
    }
    REQUIRE(walExists(path));
    struct stat main {};
    REQUIRE(::stat(path.c_str(), &main) == 0);
    // The main file is far shorter than the database SQLite sees through the WAL.
    const long long pages = writer.sql().execAndGet("PRAGMA page_count").getInt64();
    CHECK(main.st_size < pages * 4096);

    Database reader = Database::open(path, readingOptions());
    CHECK(reader.sql().execAndGet("SELECT count(*) FROM client").getInt64() == 60);
    CHECK(reader.sql().execAndGet("PRAGMA quick_check").getString() == "ok");
}

TEST_CASE("opening a second connection in the process keeps the first one's locks, so "
          "another program cannot delete the live WAL") {
    TempFolder folder;
    const fs::path path = folder.file("shared.db");
    Database window = Database::open(path);
    window.sql().exec("PRAGMA wal_autocheckpoint = 0");
    testing::addSampleHistory(window, "Before");
    REQUIRE(walExists(path));
    struct stat before {};
    REQUIRE(::stat((path.string() + "-wal").c_str(), &before) == 0);

    // What File > Export and File > Client report do: their own connection,
    // opened and closed while the window's stays open.
    for (int i = 0; i < 3; ++i) {
        Database worker = Database::open(path, readingOptions());
        CHECK(worker.sql().execAndGet("SELECT count(*) FROM client").getInt64() == 1);
    }
    // Another program reads and closes. Were the window's locks gone, it
    // would take the file as unused, checkpoint and delete the WAL.
    const std::string command =
        "sqlite3 " + shellQuote(path.string()) + " 'SELECT count(*) FROM client;' >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);

    struct stat after {};
    REQUIRE(::stat((path.string() + "-wal").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    testing::addSampleHistory(window, "After");
    CHECK(clientCount(path) == 2); // a fresh connection sees the window's new row
}

TEST_CASE("a hot rollback journal left by a crash is rolled back, not refused") {
    TempFolder folder;
    const fs::path path = folder.file("hot.db");
    {
        Database database = Database::open(path);
        testing::addSampleHistory(database, "Kept");
        database.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        database.sql().exec("PRAGMA journal_mode = DELETE");
    }
    // A process killed mid-transaction in rollback mode: copy the file and
    // its journal while the transaction is open.
    const fs::path crashed = folder.file("crashed.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA cache_size = 1"); // spill to the file before commit
        raw.exec("BEGIN");
        raw.exec("INSERT INTO client (name, created_utc) VALUES ('Half-written', 0)");
        raw.exec("UPDATE client SET notes = hex(randomblob(400))");
        for (int i = 0; i < 50; ++i) {
            raw.exec("INSERT INTO client (name, created_utc, notes) VALUES ('Filler " +
                     std::to_string(i) + "', 0, hex(randomblob(400)))");
        }
        REQUIRE(fs::exists(path.string() + "-journal"));
        fs::copy_file(path, crashed);
        fs::copy_file(path.string() + "-journal", crashed.string() + "-journal");
        raw.exec("ROLLBACK");
    }
    Database reopened = Database::open(crashed, readingOptions());
    CHECK(reopened.sql().execAndGet("SELECT group_concat(name) FROM client").getString() == "Kept");
    CHECK(reopened.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK_FALSE(fs::exists(crashed.string() + "-journal"));
}

TEST_CASE("reading never creates: a missing path or an empty file is refused, nothing made") {
    TempFolder folder;
    const fs::path missing = folder.file("typo/deeper/n.db");
    CHECK_THROWS_WITH_AS(
        Database::open(missing, readingOptions()),
        (missing.string() + ": no database here (nothing was created; check the path)").c_str(),
        StoreError);
    CHECK_FALSE(fs::exists(folder.file("typo")));

    const fs::path empty = folder.file("empty.db");
    testing::writeBytes(empty, "");
    CHECK_THROWS_WITH_AS(Database::open(empty, readingOptions()),
                         (empty.string() + ": the file is empty (0 bytes), not a Knotmap "
                                           "database; nothing was changed")
                             .c_str(),
                         StoreError);
    CHECK(fs::file_size(empty) == 0);
    CHECK_FALSE(walExists(empty));
}

TEST_CASE("a created database and its new folders are private whatever the umask") {
    TempFolder folder;
    const mode_t previous = ::umask(0);
    const fs::path path = folder.file("a/b/new.db");
    {
        Database database = Database::open(path);
        testing::addSampleHistory(database);
    }
    ::umask(previous);
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    REQUIRE(::stat(folder.file("a").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
    REQUIRE(::stat(folder.file("a/b").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
    // Nothing else is left beside it (the hidden file it was built under).
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder.file("a/b"))) {
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("a file the user may only read opens read-only for reading, and refuses writes") {
    TempFolder folder;
    const fs::path path = folder.file("ro.db");
    {
        Database database = Database::open(path);
        testing::addSampleHistory(database);
    }
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read);
    Database database = Database::open(path, readingOptions());
    CHECK(database.readOnly());
    CHECK(database.sql().execAndGet("SELECT count(*) FROM client").getInt64() == 1);
    CHECK_THROWS(testing::addSampleHistory(database, "Refused"));
    // Writing commands still refuse it outright, naming the file.
    CHECK_THROWS_WITH_AS(Database::open(path),
                         (path.string() + ": the file is read-only; Knotmap needs to write to it "
                                          "(check its permissions)")
                             .c_str(),
                         StoreError);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_CASE("a write waits for another writer's lock instead of failing") {
    TempFolder folder;
    const fs::path path = folder.file("busy.db");
    Database first = Database::open(path);
    Database second = Database::open(path);
    testing::addSampleHistory(first, "One");

    // second has read an old snapshot; first then commits. A deferred
    // transaction in second would now fail at once with SQLITE_BUSY
    // (stale snapshot); BEGIN IMMEDIATE starts from the newest data.
    sql::Connection& raw = second.sql();
    CHECK(raw.execAndGet("SELECT count(*) FROM client").getInt() == 1);
    testing::addSampleHistory(first, "Two");
    {
        WriteTransaction transaction(raw);
        raw.exec("INSERT INTO client (name, created_utc) VALUES ('Three', 0)");
        transaction.commit();
    }
    CHECK(clientCount(path) == 3);

    // While another connection holds the write lock, a write with a short
    // timeout reports lock contention (the window then retries it).
    first.sql().exec("BEGIN IMMEDIATE");
    second.setBusyTimeout(50);
    bool contention = false;
    try {
        WriteTransaction transaction(second.sql());
        transaction.commit();
    } catch (const std::exception& error) {
        contention = isLockContention(error);
    }
    CHECK(contention);
    first.sql().exec("COMMIT");
    {
        WriteTransaction transaction(second.sql());
        second.sql().exec("INSERT INTO client (name, created_utc) VALUES ('Four', 0)");
        transaction.commit();
    }
    CHECK(clientCount(path) == 4);
}

TEST_CASE("commits are durable: WAL with synchronous FULL") {
    TempFolder folder;
    Database database = Database::open(folder.file("durable.db"));
    CHECK(database.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(database.sql().execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
}

TEST_CASE("a database too large to quick_check within the budget still opens, its tables read") {
    TempFolder folder;
    const fs::path path = folder.file("large.db");
    {
        Database database = Database::open(path);
        testing::addSampleHistory(database);
        // 48 MB of session notes: quick_check needs far longer than its
        // budget on any machine (in Knotmap's own tables: an extra table
        // would make the schema check refuse the file).
        database.sql().exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < 12000) INSERT INTO session (client_id, started_utc, "
                            "utc_offset_min, kind, notes) SELECT 1, i, 0, 'self_checkin', "
                            "hex(randomblob(2000)) FROM n");
    }
    Database reopened = Database::open(path, readingOptions());
    CHECK(reopened.sql().execAndGet("SELECT count(*) FROM client").getInt() == 1);
    // The connection is usable afterwards: the check's interrupt is spent.
    testing::addSampleHistory(reopened, "Second");
    CHECK(reopened.sql().execAndGet("SELECT count(*) FROM client").getInt() == 2);
}
