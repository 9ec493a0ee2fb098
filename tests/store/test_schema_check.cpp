// The schema is checked, not trusted: a file whose schema is not the one
// Knotmap's migrations make, or that holds rows breaking its constraints,
// is reported by object name and by table and id, on real files.
#include "store/database.h"
#include "store/database_info.h"
#include "store/migrations.h"
#include "store/sql/sqlite/sqlite_connection.h"
#include "store/sql/statement.h"
#include "store/sqlite_file/constraint_check.h"
#include "store/sqlite_file/schema_check.h"
#include "store/store_error.h"
#include "store_fixtures.h"
#include "support/temp_folder.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace knotmap;
using knotmap::testing::readBytes;
using knotmap::testing::TempFolder;

namespace fs = std::filesystem;

namespace {

constexpr const char* kPainCheck = "CHECK constraint failed: pain BETWEEN 0 AND 10";

// A current database with two clients' history, each with one observation
// (pain 5), checkpointed into one self-contained file.
fs::path makeDatabase(const TempFolder& folder) {
    const fs::path path = folder.file("knotmap.db");
    Database database = Database::open(path);
    for (const char* name : {"Alex Morgan", "Sam Rivera"}) {
        const auto sample = testing::addSampleHistory(database, name);
        database.sql().exec("INSERT INTO observation (session_id, knot_id, pain, kind) VALUES (" +
                            std::to_string(sample.session.id) + ", " +
                            std::to_string(sample.knot.id) + ", 5, 'tension')");
    }
    database.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    database.sql().exec("PRAGMA journal_mode = DELETE");
    return path;
}

// What another program can do with the sqlite3 shell, outside Knotmap.
void tamper(const fs::path& path, const std::string& sql) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
}

// pain 11 in observation 2, around the CHECK that forbids it.
void writePainElevenAroundTheCheck(const fs::path& path) {
    tamper(path,
           "PRAGMA ignore_check_constraints = 1; UPDATE observation SET pain = 11 WHERE id = 2");
}

// The pain CHECK removed from the file's schema, as PRAGMA writable_schema allows.
void removePainCheck(const fs::path& path) {
    tamper(path, "PRAGMA writable_schema = 1; "
                 "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (pain BETWEEN 0 AND 10)', '') "
                 "WHERE name = 'observation'; PRAGMA writable_schema = 0;");
}

std::string refusal(const fs::path& path, const OpenOptions& options = {}) {
    try {
        Database database = Database::open(path, options);
    } catch (const StoreError& error) {
        return error.what();
    }
    return "(opened)";
}

OpenOptions policy(FindingsPolicy onFindings) {
    OpenOptions options;
    options.onFindings = onFindings;
    return options;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE(
    "a new database and one made by every earlier version, migrated, match Knotmap's schema") {
    TempFolder folder;
    {
        Database fresh = Database::open(folder.file("new.db"));
        CHECK(compareWithKnotmapSchema(sql::sqliteDatabaseOf(fresh.sql()), latestSchemaVersion())
                  .empty());
    }
    const fs::path path = makeDatabase(folder);
    Database reopened = Database::open(path);
    CHECK(reopened.openReport().findings.empty());
    const DatabaseInfo info = collectDatabaseInfo(reopened);
    CHECK(info.findings.empty());
    CHECK(info.healthy());

    for (int from = 1; from < latestSchemaVersion(); ++from) {
        CAPTURE(from);
        const fs::path old = folder.file("v" + std::to_string(from) + ".db");
        {
            Database database = Database::openAtVersion(old, from);
            CHECK(compareWithKnotmapSchema(sql::sqliteDatabaseOf(database.sql()), from).empty());
            database.sql().exec("INSERT INTO client (name, created_utc) VALUES ('Sam Rivera', 0)");
            database.sql().exec(
                "INSERT INTO session (client_id, started_utc, utc_offset_min, "
                "kind, overall_pain) VALUES (1, 1773477000, 60, 'self_checkin', 10)");
        }
        Database upgraded = Database::open(old);
        CHECK(upgraded.openReport().versionAfter == latestSchemaVersion());
        CHECK(upgraded.openReport().findings.empty());
        CHECK(collectDatabaseInfo(upgraded).healthy());
    }
}

TEST_CASE(
    "the expected schema comes from the migrations, one object per table, index and trigger") {
    const auto& objects = knotmapSchema(latestSchemaVersion());
    int tables = 0;
    int triggers = 0;
    for (const SchemaObject& object : objects) {
        tables += object.type == "table" ? 1 : 0;
        triggers += object.type == "trigger" ? 1 : 0;
        CHECK_FALSE(object.name.starts_with("sqlite_"));
    }
    CHECK(tables >= 12);
    CHECK(triggers >= 20);
    CHECK(knotmapSchema(1).size() < objects.size());
}

TEST_CASE(
    "pain 11 written around the CHECK is refused by commands, naming observation and its id") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    writePainElevenAroundTheCheck(path);
    const std::string before = readBytes(path);

    const std::string message = refusal(path);
    CAPTURE(message);
    CHECK(message.starts_with(path.string() + ": refused, nothing was written: "));
    CHECK(contains(message, "1 row breaks Knotmap's constraints: observation id 2 (" +
                                std::string(kPainCheck) + ")"));
    CHECK(contains(message, "knotmap info --db " + path.string()));
    CHECK_FALSE(contains(message, "\n"));
    CHECK(refusal(path, readingOptions()) == message);
    CHECK(readBytes(path) == before);
    CHECK_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_CASE("info lists the bad row by table and id and says the file is not healthy") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    writePainElevenAroundTheCheck(path);
    Database database = Database::open(path, policy(FindingsPolicy::Report));
    const DatabaseInfo info = collectDatabaseInfo(database);
    CHECK_FALSE(info.healthy());
    CHECK(info.findings.schemaDifferences.empty());
    REQUIRE(info.findings.badRows.count == 1);
    REQUIRE(info.findings.badRows.rows.size() == 1);
    CHECK(info.findings.badRows.rows[0].table == "observation");
    CHECK(info.findings.badRows.rows[0].key == "id 2");
    CHECK(info.findings.badRows.rows[0].reason == kPainCheck);
    // Reporting leaves the connection as it was: the row is still there to see.
    CHECK(database.sql().execAndGet("SELECT count(*) FROM observation").getInt() == 2);
}

TEST_CASE("the window's connection opens read-only with the bad row hidden") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    writePainElevenAroundTheCheck(path);
    const std::string before = readBytes(path);
    {
        Database database = Database::open(path, policy(FindingsPolicy::ReadOnlyHide));
        CHECK(database.readOnly());
        CHECK(database.openReport().findings.badRows.count == 1);
        CHECK(database.sql().execAndGet("SELECT count(*) FROM observation").getInt() == 1);
        CHECK(database.sql().execAndGet("SELECT max(pain) FROM observation").getInt() == 5);
        CHECK_THROWS(database.sql().exec("UPDATE main.observation SET pain = 4 WHERE id = 1"));
    }
    CHECK(readBytes(path) == before);
}

TEST_CASE(
    "a CHECK removed through writable_schema is reported by table, and rows breaking it by id") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    removePainCheck(path);
    // With the CHECK gone nothing stops pain 11, and quick_check sees nothing wrong.
    tamper(path, "UPDATE observation SET pain = 11 WHERE id = 1");
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA quick_check").getString() == "ok");
    }
    const std::string message = refusal(path);
    CAPTURE(message);
    CHECK(contains(message, "its schema is not Knotmap's own: table observation differs from "
                            "Knotmap's schema (a CHECK, foreign key or other constraint was "
                            "changed)"));
    CHECK(contains(message, "observation id 1 (" + std::string(kPainCheck) + ")"));

    Database database = Database::open(path, policy(FindingsPolicy::Report));
    const DatabaseInfo info = collectDatabaseInfo(database);
    REQUIRE(info.findings.schemaDifferences.size() == 1);
    CHECK(info.findings.badRows.count == 1);
    CHECK_FALSE(info.healthy());
}

TEST_CASE("a schema without bad rows but with a trigger dropped or added is still reported") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    tamper(path, "DROP TRIGGER session_signed_is_read_only; "
                 "CREATE TRIGGER x AFTER INSERT ON client BEGIN SELECT 1; END;");
    const std::string message = refusal(path);
    CAPTURE(message);
    CHECK(contains(message, "trigger session_signed_is_read_only is missing"));
    CHECK(contains(message, "extra trigger x (not part of Knotmap's schema)"));
    Database database = Database::open(path, policy(FindingsPolicy::ReadOnlyHide));
    CHECK(database.readOnly());
    CHECK(database.openReport().findings.badRows.empty());
}

TEST_CASE("a column changed is named") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    tamper(path,
           "PRAGMA writable_schema = 1; UPDATE sqlite_schema SET sql = replace(sql, "
           "'pain       INTEGER NOT NULL', 'pain       INTEGER') WHERE name = 'observation';");
    CHECK(contains(refusal(path),
                   "table observation differs from Knotmap's schema (column pain was changed"));
}

TEST_CASE("rows pointing at a missing row are reported by table and id") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    tamper(path, "PRAGMA foreign_keys = OFF; DELETE FROM knot WHERE id = 1");
    Database database = Database::open(path, policy(FindingsPolicy::Report));
    const DatabaseInfo info = collectDatabaseInfo(database);
    REQUIRE(info.findings.badRows.count >= 1);
    CHECK(info.findings.badRows.rows[0].table == "observation");
    CHECK(info.findings.badRows.rows[0].key == "id 1");
    CHECK(info.findings.badRows.rows[0].reason == "FOREIGN KEY: refers to a missing knot row");
}

TEST_CASE("many bad rows: the first 20 are listed by id and the rest counted") {
    TempFolder folder;
    const fs::path path = makeDatabase(folder);
    {
        Database database = Database::open(path);
        const auto sample = testing::addSampleHistory(database, "Many Knots");
        for (int i = 0; i < 30; ++i) {
            database.sql().exec("INSERT INTO knot (client_id, view, x, y, region_code) VALUES (" +
                                std::to_string(sample.client.id) + ", 'back', 0.5, 0.5, 'r')");
            database.sql().exec("INSERT INTO observation (session_id, knot_id, pain, kind) "
                                "VALUES (" +
                                std::to_string(sample.session.id) +
                                ", last_insert_rowid(), 3, 'tension')");
        }
    }
    tamper(path,
           "PRAGMA ignore_check_constraints = 1; UPDATE observation SET pain = 12 WHERE id > 2");
    Database database = Database::open(path, policy(FindingsPolicy::Report));
    const ConstraintFindings bad = collectDatabaseInfo(database).findings.badRows;
    CHECK(bad.count == 30);
    CHECK(bad.rows.size() == kListedBadRows);
    CHECK(bad.rows.front().key == "id 3");
    CHECK(contains(refusal(path), "30 rows break Knotmap's constraints: observation id 3"));
    CHECK(contains(refusal(path), "; and 27 rows more"));
}
