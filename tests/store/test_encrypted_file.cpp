// The encrypted database file (store/encrypted_file/): what is on disk holds
// no record in plain text, and a file changed behind SQLite's back (a byte
// flipped in a page or in the WAL, a page moved, a file cut short, another
// key) is refused as damaged, never read as data.
#include "crypto/secret.h"
#include "store/backup/backup_file.h"
#include "store/database.h"
#include "store/encrypted_file/conversion.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"
#include "store/sqlite_file/database_file_check.h"
#include "store/store_error.h"
#include "store_fixtures.h"
#include "support/temp_folder.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sqlite3.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace knotmap;
using namespace knotmap::testing;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const encrypted::FileKey> newKey(std::string_view passphrase = "correct horse") {
    return encrypted::FileKey::create(crypto::Secret(passphrase));
}

// A new encrypted database at path holding a sample history.
void makeEncrypted(const fs::path& path, const std::shared_ptr<const encrypted::FileKey>& key) {
    encrypted::useKey(path, key);
    Database database = Database::open(path);
    addSampleHistory(database, "Quentin Zabriskie");
    database.sql().exec("UPDATE client SET notes = 'Marathon runner, sore calves'");
}

// SQLite through the encrypted VFS, as the store opens it.
SQLite::Database openRaw(const fs::path& path, int flags = SQLite::OPEN_READONLY) {
    return {path.c_str(), flags, 0, encrypted::kVfsName};
}

// What reading every row of every table gives: SQLITE_OK, or the error's
// extended code (SQLITE_CORRUPT when only SQLite's own check finds fault).
int readEverything(const fs::path& path) {
    try {
        SQLite::Database db = openRaw(path);
        std::vector<std::string> tables;
        SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
        while (list.executeStep()) {
            tables.push_back(list.getColumn(0).getString());
        }
        for (const std::string& table : tables) {
            SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
            while (rows.executeStep()) {
            }
        }
        const std::string verdict = db.execAndGet("PRAGMA integrity_check").getString();
        if (verdict.find("error code=" + std::to_string(SQLITE_IOERR_DATA)) != std::string::npos) {
            return SQLITE_IOERR_DATA; // a page the check could not read (an index's, say)
        }
        return verdict == "ok" ? SQLITE_OK : SQLITE_CORRUPT;
    } catch (const SQLite::Exception& error) {
        return error.getExtendedErrorCode();
    }
}

void flipByte(const fs::path& path, std::streamoff offset) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(offset);
    char byte = 0;
    file.get(byte);
    file.seekp(offset);
    file.put(static_cast<char>(byte ^ 0x5a));
}

fs::path copyOf(const fs::path& from, const fs::path& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    encrypted::useKey(to, encrypted::keyFor(from));
    return to;
}

constexpr std::streamoff kPage = 4096;
constexpr std::streamoff kHeader = 4096;

} // namespace

TEST_CASE("an encrypted database holds no record in plain text, and reads back whole") {
    const TempFolder folder;
    const fs::path path = folder.file("secret.db");
    makeEncrypted(path, newKey());
    // The WAL too, while a connection keeps it: checkpoints held back.
    SQLite::Database writer = openRaw(path, SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA wal_autocheckpoint = 0");
    writer.exec("UPDATE client SET notes = notes || ', also hamstrings'");
    const std::string file = readBytes(path);
    const std::string wal = readBytes(path.string() + "-wal");
    CHECK(file.starts_with("KnotmapEncrypted"));
    CHECK(wal.size() > 4096);
    for (const std::string secret :
         {"Quentin", "Zabriskie", "Marathon", "hamstrings", "upper_trapezius", "CREATE TABLE"}) {
        INFO(secret);
        CHECK(file.find(secret) == std::string::npos);
        CHECK(wal.find(secret) == std::string::npos);
    }
    CHECK(writer.execAndGet("SELECT notes FROM client").getString() ==
          "Marathon runner, sore calves, also hamstrings");
    CHECK(writer.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(writer.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a wrong passphrase or a changed header is refused before any page is read") {
    const TempFolder folder;
    const fs::path path = folder.file("secret.db");
    makeEncrypted(path, newKey("right one"));
    const std::string before = readBytes(path);
    const encrypted::Header header = encrypted::readHeader(path);
    CHECK_THROWS_AS((void)encrypted::FileKey::unlock(
                        header, crypto::Secret(std::string_view("wrong one")), path.string()),
                    encrypted::WrongPassphrase);
    CHECK_NOTHROW((void)encrypted::FileKey::unlock(
        header, crypto::Secret(std::string_view("right one")), path.string()));
    encrypted::Header salted = header;
    salted[40] ^= 1; // the salt: the derived key differs
    CHECK_THROWS_AS((void)encrypted::FileKey::unlock(
                        salted, crypto::Secret(std::string_view("right one")), path.string()),
                    encrypted::WrongPassphrase);
    CHECK(readBytes(path) == before);
}

TEST_CASE("a byte changed in a page, a page moved, or a file cut short is reported as damage") {
    const TempFolder folder;
    const fs::path path = folder.file("secret.db");
    makeEncrypted(path, newKey());
    REQUIRE(readEverything(path) == SQLITE_OK);
    const auto pages = static_cast<std::streamoff>((fs::file_size(path) - kHeader) / kPage);
    REQUIRE(pages >= 6);

    SUBCASE("a flipped byte in page 1, in page 3 and in a page's tag") {
        for (const std::streamoff offset :
             {kHeader + 30, kHeader + 2 * kPage + 100, kHeader + 4 * kPage - 3}) {
            const fs::path copy = copyOf(path, folder.file("flipped.db"));
            flipByte(copy, offset);
            INFO(offset);
            CHECK(readEverything(copy) == SQLITE_IOERR_DATA);
        }
    }
    SUBCASE("page 3 copied over page 5") {
        const fs::path copy = copyOf(path, folder.file("moved.db"));
        std::string bytes = readBytes(copy);
        bytes.replace(static_cast<std::size_t>(kHeader + 4 * kPage), kPage,
                      bytes.substr(static_cast<std::size_t>(kHeader + 2 * kPage), kPage));
        writeBytes(copy, bytes);
        CHECK(readEverything(copy) == SQLITE_IOERR_DATA);
    }
    SUBCASE("a page cut in half, and whole pages cut off") {
        const fs::path half = copyOf(path, folder.file("half.db"));
        fs::resize_file(half, static_cast<std::uintmax_t>(kHeader + (pages - 1) * kPage + 1000));
        CHECK(readEverything(half) == SQLITE_IOERR_DATA);
        const fs::path shorter = copyOf(path, folder.file("shorter.db"));
        fs::resize_file(shorter, static_cast<std::uintmax_t>(kHeader + 2 * kPage));
        CHECK(readEverything(shorter) != SQLITE_OK); // SQLite's own check: pages missing
    }
    SUBCASE("a page of another encrypted file, at the same place") {
        const fs::path other = folder.file("other.db");
        makeEncrypted(other, newKey("another"));
        const fs::path copy = copyOf(path, folder.file("mixed.db"));
        std::string bytes = readBytes(copy);
        bytes.replace(
            static_cast<std::size_t>(kHeader + 1 * kPage), kPage,
            readBytes(other).substr(static_cast<std::size_t>(kHeader + 1 * kPage), kPage));
        writeBytes(copy, bytes);
        CHECK(readEverything(copy) == SQLITE_IOERR_DATA);
    }
    SUBCASE("what the store says of a damaged page") {
        const fs::path copy = copyOf(path, folder.file("told.db"));
        flipByte(copy, kHeader + 2 * kPage + 100);
        try {
            Database reopened = Database::open(copy);
            (void)reopened.sql().execAndGet("SELECT count(*) FROM observation");
            FAIL("a damaged page was read");
        } catch (const StoreError& error) {
            INFO(std::string(error.what()));
            CHECK(std::string(error.what()).find("failed its authentication check") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("a byte changed in the WAL is reported; only its last frame reads as cut short") {
    const TempFolder folder;
    const fs::path path = folder.file("secret.db");
    makeEncrypted(path, newKey());
    // Four commits left in the WAL, as a killed program leaves them.
    const fs::path crashed = folder.file("crashed.db");
    {
        SQLite::Database writer = openRaw(path, SQLite::OPEN_READWRITE);
        writer.exec("PRAGMA wal_autocheckpoint = 0");
        writer.exec("CREATE TABLE walter (n INTEGER)");
        for (int i = 0; i < 3; ++i) {
            writer.exec("INSERT INTO walter VALUES (" + std::to_string(i) + ")");
        }
        fs::copy_file(path, crashed);
        fs::copy_file(path.string() + "-wal", crashed.string() + "-wal");
    }
    encrypted::useKey(crashed, encrypted::keyFor(path));
    const auto frames =
        static_cast<std::streamoff>((fs::file_size(crashed.string() + "-wal") - 32) / (24 + kPage));
    REQUIRE(frames >= 3);

    SUBCASE("untouched, recovery finds all three") {
        SQLite::Database db = openRaw(crashed);
        CHECK(db.execAndGet("SELECT count(*) FROM walter").getInt() == 3);
    }
    SUBCASE("a byte of the first frame's page") {
        flipByte(crashed.string() + "-wal", 32 + 24 + 100);
        CHECK(readEverything(crashed) == SQLITE_IOERR_DATA);
    }
    SUBCASE("a frame's page copied over another frame's") {
        std::string wal = readBytes(crashed.string() + "-wal");
        wal.replace(static_cast<std::size_t>(32 + 24), kPage,
                    wal.substr(static_cast<std::size_t>(32 + (24 + kPage) + 24), kPage));
        writeBytes(crashed.string() + "-wal", wal);
        CHECK(readEverything(crashed) == SQLITE_IOERR_DATA);
    }
    SUBCASE("the last frame, as a crash mid-write leaves it: that commit is dropped") {
        flipByte(crashed.string() + "-wal", 32 + (frames - 1) * (24 + kPage) + 24 + 100);
        SQLite::Database db = openRaw(crashed);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(db.execAndGet("SELECT count(*) FROM walter").getInt() == 2);
    }
}

TEST_CASE("a transaction larger than the page cache that changes its own pages again is kept") {
    // Such a transaction spills pages into the WAL, then writes one of those
    // frames again in place; SQLite then writes later frames with zero salts
    // until the commit fills them in. Those pages must open after the commit:
    // an import of a long history lost every row here once (info: 0 observations).
    const TempFolder folder;
    const fs::path path = folder.path() / "big.db";
    encrypted::useKey(path, newKey());
    {
        SQLite::Database db(path.c_str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0,
                            encrypted::kVfsName);
        int reserve = encrypted::kReservedBytes;
        sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x BLOB)");
        db.exec("PRAGMA cache_size = 50");
        db.exec("BEGIN");
        db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                "INSERT INTO t SELECT randomblob(3000) FROM n");
        db.exec("UPDATE t SET x = randomblob(3000) WHERE rowid % 3 = 0");
        db.exec("COMMIT");
        CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 300);
    }
    // Read back by a new connection: from the WAL, then once checkpointed.
    SQLite::Database reader = openRaw(path, SQLite::OPEN_READWRITE);
    CHECK(reader.execAndGet("SELECT count(*) FROM t").getInt() == 300);
    CHECK(reader.execAndGet("PRAGMA integrity_check").getString() == "ok");
    reader.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    CHECK(reader.execAndGet("SELECT count(*) FROM t").getInt() == 300);
    CHECK(readEverything(path) == SQLITE_OK);
}

// Runs step in a child process, which starts with no key registered when
// this one has none (a restore run as a new command): whether it returned true.
bool inNewProcess(const std::function<bool()>& step) {
    const pid_t child = ::fork();
    if (child == 0) {
        bool passed = false;
        try {
            passed = step();
        } catch (...) {
        }
        std::_Exit(passed ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

TEST_CASE("a sealed backup of an encrypted database restores with its passphrase alone") {
    // backup --encrypt seals the encrypted file with the database's passphrase;
    // a restore in a new process knows no key, only that passphrase.
    const TempFolder folder;
    const fs::path database = folder.path() / "clinic.db";
    const fs::path sealed = folder.path() / "clinic.db.sealed";
    const fs::path apartSealed = folder.path() / "apart.db.sealed";
    REQUIRE(inNewProcess([&] {
        makeEncrypted(database, newKey("correct horse"));
        const crypto::Secret passphrase(std::string_view("correct horse"));
        (void)backupDatabaseFile(database, sealed, &passphrase);
        // The window seals with a passphrase typed for the backup alone.
        const crypto::Secret other(std::string_view("sealed apart"));
        (void)backupDatabaseFile(database, apartSealed, &other);
        return true;
    }));
    REQUIRE(encrypted::keyFor(database) == nullptr);
    const auto passphrase = [](const char* text) {
        return [text] {
            return crypto::Secret(std::string_view(text));
        };
    };

    const fs::path restored = folder.path() / "restored.db";
    CHECK(inNewProcess([&] {
        return extractBackup(sealed, restored, restored, passphrase("correct horse")).clients == 1;
    }));
    CHECK(encrypted::isEncryptedDatabaseFile(restored));
    // Sealed with another passphrase: the database inside needs its own.
    const fs::path alone = folder.path() / "alone.db";
    CHECK(inNewProcess([&] {
        try {
            (void)extractBackup(apartSealed, alone, alone, passphrase("sealed apart"));
        } catch (const std::runtime_error& error) {
            return std::string(error.what()).find("opens neither with the backup's passphrase") !=
                   std::string::npos;
        }
        return false;
    }));
    CHECK_FALSE(fs::exists(alone));
    const fs::path apart = folder.path() / "apart.db";
    CHECK(inNewProcess([&] {
        return extractBackup(apartSealed, apart, apart, passphrase("sealed apart"),
                             passphrase("correct horse"))
                   .clients == 1;
    }));
    CHECK(fs::exists(apart));
    // Opened here with the key its passphrase gives.
    encrypted::useKey(restored,
                      encrypted::FileKey::unlock(encrypted::readHeader(restored),
                                                 crypto::Secret(std::string_view("correct horse")),
                                                 restored.string()));
    Database reopened = Database::open(restored);
    CHECK(reopened.sql().execAndGet("SELECT name FROM client").getString() == "Quentin Zabriskie");

    const fs::path refused = folder.path() / "refused.db";
    CHECK_THROWS(extractBackup(sealed, refused, refused, passphrase("wrong horse")));
    CHECK_FALSE(fs::exists(refused));
}

TEST_CASE("a plain file opened as encrypted, or an encrypted one without its key, is refused") {
    const TempFolder folder;
    const fs::path plain = folder.file("plain.db");
    { Database created = Database::open(plain); }
    encrypted::useKey(plain, newKey());
    CHECK(readEverything(plain) == SQLITE_NOTADB);
    encrypted::forgetKey(plain);

    const fs::path secret = folder.file("secret.db");
    makeEncrypted(secret, newKey());
    const fs::path renamed = folder.file("renamed.db");
    fs::copy_file(secret, renamed);
    encrypted::forgetKey(secret);
    CHECK(readEverything(renamed) == SQLITE_AUTH);
    CHECK_THROWS_AS((void)Database::open(renamed), PassphraseNeeded);
}

TEST_CASE("encrypting, re-keying and decrypting keep every row; a busy file is left alone") {
    const TempFolder folder;
    const fs::path path = folder.file("records.db");
    {
        Database database = Database::open(path);
        addSampleHistory(database, "Ingrid Olafsdottir");
    }
    const std::string plainBytes = readBytes(path);
    REQUIRE(plainBytes.find("Ingrid") != std::string::npos);

    const auto first = newKey("first");
    const encrypted::ConversionReport encrypted =
        encrypted::convertDatabaseFile(path, nullptr, first);
    CHECK(encrypted.rows > 0);
    CHECK(readBytes(path).find("Ingrid") == std::string::npos);
    CHECK(encrypted::isEncryptedDatabaseFile(path));
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));

    const auto second = newKey("second");
    CHECK(encrypted::convertDatabaseFile(path, first, second).rows == encrypted.rows);
    encrypted::useKey(path, first);
    CHECK(readEverything(path) == SQLITE_NOTADB); // the old key no longer fits
    encrypted::useKey(path, second);
    CHECK(readEverything(path) == SQLITE_OK);

    {
        SQLite::Database holder = openRaw(path, SQLite::OPEN_READWRITE);
        (void)holder.execAndGet("SELECT count(*) FROM client");
        const std::string before = readBytes(path);
        CHECK_THROWS_WITH_AS(encrypted::convertDatabaseFile(path, second, nullptr),
                             doctest::Contains("another program has the database open"),
                             StoreError);
        CHECK(readBytes(path) == before);
    }
    CHECK(encrypted::convertDatabaseFile(path, second, nullptr).rows == encrypted.rows);
    encrypted::forgetKey(path);
    CHECK(readBytes(path).starts_with(std::string("SQLite format 3\0", 16)));
    Database plain = Database::open(path);
    CHECK(plain.sql().execAndGet("SELECT name FROM client").getString() == "Ingrid Olafsdottir");
    // Nothing left beside it: the copy and the kept original are gone.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(folder.path())) {
        files += entry.path().filename().string().starts_with(".records.db") ? 1 : 0;
    }
    CHECK(files == 0);
}
