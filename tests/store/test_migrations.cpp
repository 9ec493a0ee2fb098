#include "store/backup/backup_catalog.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql/statement.h"
#include "support/temp_folder.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>
#include <sys/stat.h>

using namespace knotmap;
using knotmap::testing::TempFolder;

namespace {

int fileMode(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return static_cast<int>(info.st_mode & 0777);
}

long long count(Database& database, const std::string& table) {
    return database.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

} // namespace

TEST_CASE("migrations are numbered from 1 without gaps and embedded in order") {
    const auto& all = migrations(sql::Dialect::SQLite);
    REQUIRE(all.size() >= 2);
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(all[i].sql.empty());
    }
    CHECK(latestSchemaVersion() == static_cast<int>(all.size()));
}

TEST_CASE("a new database is created with mode 0600, the latest schema and Knotmap's id") {
    TempFolder folder;
    const auto path = folder.path() / "nested" / "folder" / "knotmap.db";
    Database database = Database::open(path);
    CHECK(database.openReport().created);
    CHECK(database.openReport().versionBefore == 0);
    CHECK(database.openReport().versionAfter == latestSchemaVersion());
    CHECK_FALSE(database.openReport().backupPath.has_value());
    CHECK(fileMode(path) == 0600);
    CHECK(fileMode(path.parent_path()) == 0700);
    CHECK(database.sql().execAndGet("PRAGMA application_id").getInt() == 0x4B4E4F54);
    CHECK(database.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(database.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(count(database, "symptom") >= 10);
    CHECK(count(database, "treatment_kind") == 17);
    CHECK(count(database, "trigger_cause") == 7);
}

TEST_CASE("every table is STRICT") {
    Database database = Database::openInMemory();
    sql::Statement tables(database.sql(),
                          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' "
                          "AND type = 'table' AND name NOT LIKE 'sqlite_%'");
    int seen = 0;
    while (tables.executeStep()) {
        CAPTURE(tables.getColumn(0).getString());
        CHECK(tables.getColumn(1).getInt() == 1);
        ++seen;
    }
    CHECK(seen >= 11);
}

TEST_CASE("reopening a current database changes nothing and writes no backup") {
    TempFolder folder;
    const auto path = folder.file("knotmap.db");
    { Database first = Database::open(path); }
    Database again = Database::open(path);
    CHECK_FALSE(again.openReport().created);
    CHECK(again.openReport().versionBefore == latestSchemaVersion());
    CHECK_FALSE(again.openReport().backupPath.has_value());
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) <= 3); // db, -wal, -shm
}

TEST_CASE("every earlier schema version migrates to the latest, keeping data and a backup") {
    for (int from = 1; from < latestSchemaVersion(); ++from) {
        CAPTURE(from);
        TempFolder folder;
        const auto path = folder.file("knotmap.db");
        {
            Database old = Database::openAtVersion(path, from);
            REQUIRE(old.openReport().versionAfter == from);
            old.sql().exec("INSERT INTO client (name, created_utc) VALUES ('Sam Rivera', 0)");
            old.sql().exec("INSERT INTO session (client_id, started_utc, utc_offset_min, kind) "
                           "VALUES (1, 1773477000, 60, 'therapy_visit')");
        }
        Database upgraded = Database::open(path);
        const OpenReport& report = upgraded.openReport();
        CHECK(report.versionBefore == from);
        CHECK(report.versionAfter == latestSchemaVersion());
        REQUIRE(report.backupPath.has_value());
        // In the backups folder beside the database, listed like any backup.
        CHECK(report.backupPath->parent_path() == path.parent_path() / "backups");
        CHECK(report.backupPath->filename().string().starts_with("knotmap-"));
        const std::vector<BackupEntry> listed = listBackups(path);
        REQUIRE(listed.size() == 1);
        CHECK(listed.front().path == *report.backupPath);
        CHECK(fileMode(*report.backupPath) == 0600);
        CHECK(upgraded.sql().execAndGet("SELECT name FROM client").getString() == "Sam Rivera");
        CHECK(count(upgraded, "session") == 1);

        SQLite::Database backup(report.backupPath->string(), SQLite::OPEN_READONLY);
        CHECK(backup.execAndGet("PRAGMA user_version").getInt() == from);
        CHECK(backup.execAndGet("SELECT name FROM client").getString() == "Sam Rivera");
    }
}

TEST_CASE("an empty knotmap file from an earlier version migrates without a backup") {
    // user_version 0 means nothing was ever written: there is nothing to lose.
    TempFolder folder;
    const auto path = folder.file("empty.db");
    testing::writeBytes(path, "");
    Database database = Database::open(path);
    CHECK(database.openReport().created);
    CHECK_FALSE(database.openReport().backupPath.has_value());
    CHECK(database.openReport().versionAfter == latestSchemaVersion());
}

TEST_CASE("text written before the limits (version 4) is kept, and its row stays editable") {
    TempFolder folder;
    const auto path = folder.file("knotmap.db");
    const std::string longNote(std::size_t{2} << 20, 'n');
    {
        Database old = Database::openAtVersion(path, 3);
        old.sql().exec("INSERT INTO client (name, created_utc) VALUES ('Sam Rivera', 0)");
        sql::Statement insert(old.sql(),
                              "INSERT INTO session (client_id, started_utc, utc_offset_min, "
                              "kind, notes) VALUES (1, 1773477000, 60, 'self_checkin', ?)");
        insert.bind(1, longNote);
        insert.exec();
    }
    Database upgraded = Database::open(path);
    REQUIRE(upgraded.openReport().versionAfter >= 4);
    CHECK(upgraded.sql().execAndGet("SELECT length(notes) FROM session").getInt64() ==
          static_cast<std::int64_t>(longNote.size()));
    // Changing another field is fine; changing the note must bring it within the limit.
    CHECK_NOTHROW(upgraded.sql().exec("UPDATE session SET overall_pain = 4, therapist = 'Ana'"));
    CHECK_THROWS_WITH(upgraded.sql().exec("UPDATE session SET notes = notes || 'x'"),
                      "session.notes: longer than 1 MiB (1048576 bytes)");
    CHECK_NOTHROW(upgraded.sql().exec("UPDATE session SET notes = 'short now'"));
}
