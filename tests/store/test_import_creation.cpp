#include "store/csv_import.h"
#include "store/simple_import.h"
#include "store/sql/postgres/postgres_connection.h"
#include "store/store_error.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

// Database::openForImport: an import into an empty database keeps the schema
// only together with the records it wrote. On a server the schema is created
// in the import's own transaction; a file made for an import is removed by
// the command instead (tests/e2e/test_cli_import.sh checks both).
using namespace knotmap;
using namespace knotmap::testing;

namespace {

// Three ratings on two days in the simple format, and the same with a pain
// out of range on its last row (refused before anything is written).
const char* const kGoodRows = "date,region,pain\n"
                              "2026-03-01,back.upper_trapezius.left,6\n"
                              "2026-03-01,b07,3\n"
                              "2026-03-02,back.upper_trapezius.left,4\n";
const char* const kBadRows = "date,region,pain\n"
                             "2026-03-01,back.upper_trapezius.left,6\n"
                             "2026-03-02,back.upper_trapezius.left,11\n";

// A new, empty database: a file not made yet, or a new schema on the server.
DatabaseLocation emptyDatabase(const TempFolder& folder) {
    return testingOnServer() ? freshServerSchema() : DatabaseLocation(folder.file("new.db"));
}

// Everything in the server schema where points to, as another program sees
// it: tables, sequences, indexes, functions, aggregates and types.
std::int64_t serverObjects(const DatabaseLocation& where) {
    sql::PostgresConnection reader(where.conninfo(), std::nullopt);
    return reader
        .execAndGet("SELECT (SELECT count(*) FROM pg_class "
                    "        WHERE relnamespace = current_schema()::regnamespace) "
                    "     + (SELECT count(*) FROM pg_proc "
                    "        WHERE pronamespace = current_schema()::regnamespace) "
                    "     + (SELECT count(*) FROM pg_type "
                    "        WHERE typnamespace = current_schema()::regnamespace)")
        .getInt64();
}

std::int64_t count(Database& database, const std::string& sql) {
    return database.sql().execAndGet(sql).getInt64();
}

} // namespace

TEST_CASE("an import into an empty database keeps the schema with the records") {
    TempFolder folder;
    writeBytes(folder.file("log.csv"), kGoodRows);
    const DatabaseLocation where = emptyDatabase(folder);
    {
        Database database = Database::openForImport(where);
        CHECK(database.openReport().created);
        CHECK(database.openReport().creationPending == testingOnServer());
        importSimpleCsv(database, folder.file("log.csv"), {}, false);
        database.commitCreation();
        CHECK_FALSE(database.openReport().creationPending);
        database.commitCreation(); // nothing left to commit: does nothing
    }
    Database reopened = Database::open(where, readingOptions());
    CHECK_FALSE(reopened.openReport().created);
    CHECK(count(reopened, "SELECT count(*) FROM client") == 1);
    CHECK(count(reopened, "SELECT count(*) FROM session") == 2);
    CHECK(count(reopened, "SELECT count(*) FROM observation") == 3);
}

TEST_CASE("a database that already has the schema opens for an import as usual") {
    TempFolder folder;
    const DatabaseLocation where = emptyDatabase(folder);
    (void)Database::open(where);
    writeBytes(folder.file("log.csv"), kGoodRows);
    Database database = Database::openForImport(where);
    CHECK_FALSE(database.openReport().created);
    CHECK_FALSE(database.openReport().creationPending);
    importSimpleCsv(database, folder.file("log.csv"), {}, false);
    CHECK(count(database, "SELECT count(*) FROM observation") == 3);
}

TEST_CASE("a dry run or a refused import leaves a server's empty database empty") {
    if (!testingOnServer()) {
        return; // a file made for the import is removed by the command (e2e)
    }
    TempFolder folder;
    writeBytes(folder.file("log.csv"), kGoodRows);
    writeBytes(folder.file("bad.csv"), kBadRows);

    SUBCASE("a dry run") {
        const DatabaseLocation where = freshServerSchema();
        {
            Database database = Database::openForImport(where);
            const SimpleImportResult result =
                importSimpleCsv(database, folder.file("log.csv"), {}, true);
            CHECK(result.observations == 3);
            // Not committed: another program sees nothing, so a process
            // killed here leaves nothing either.
            CHECK(serverObjects(where) == 0);
        }
        CHECK(serverObjects(where) == 0);
        // Reading commands still see an empty database, not Knotmap's.
        CHECK_THROWS_WITH_AS(Database::open(where, readingOptions()),
                             doctest::Contains("holds no Knotmap records yet"), StoreError);
    }
    SUBCASE("a refused import") {
        const DatabaseLocation where = freshServerSchema();
        {
            Database database = Database::openForImport(where);
            CHECK_THROWS_AS(importSimpleCsv(database, folder.file("bad.csv"), {}, false),
                            ImportRejected);
        }
        CHECK(serverObjects(where) == 0);
    }
    SUBCASE("an import written but never committed (the process stopped first)") {
        const DatabaseLocation where = freshServerSchema();
        {
            Database database = Database::openForImport(where);
            // Written in a savepoint inside the creation's transaction.
            importSimpleCsv(database, folder.file("log.csv"), {}, false);
            CHECK(count(database, "SELECT count(*) FROM observation") == 3);
            CHECK(serverObjects(where) == 0);
        }
        CHECK(serverObjects(where) == 0);
    }
}

TEST_CASE("a schema creation that fails half-way leaves the server's database as it was") {
    if (!testingOnServer()) {
        return; // a file's migrations are tested in test_migrations.cpp
    }
    const DatabaseLocation where = freshServerSchema();
    {
        // A function of the name migration 002 creates: the database holds
        // no tables, so opening sets it up, and 002 fails after 001 ran.
        sql::PostgresConnection admin(where.conninfo(), std::nullopt);
        admin.exec("CREATE FUNCTION knotmap_check_text(field text, value text, max_bytes integer) "
                   "RETURNS void LANGUAGE sql AS 'SELECT NULL'");
    }
    CHECK(serverObjects(where) == 1);
    CHECK_THROWS_WITH_AS(Database::open(where), doctest::Contains("002_text_limits.sql"),
                         StoreError);
    CHECK(serverObjects(where) == 1); // 001's tables and functions are gone too
}

TEST_CASE("two programs finding the same empty database: the second opens what the first made") {
    if (!testingOnServer()) {
        return; // a file is created under SQLite's own write lock
    }
    TempFolder folder;
    writeBytes(folder.file("log.csv"), kGoodRows);
    const DatabaseLocation where = freshServerSchema();
    Database first = Database::openForImport(where);
    CHECK(first.openReport().creationPending);

    // The second waits for the first's creation instead of creating the
    // same functions and tables beside it (which failed on the server's
    // catalog: a duplicate key in pg_proc).
    std::atomic<bool> secondOpened{false};
    std::optional<OpenReport> secondReport;
    std::int64_t secondSees = -1;
    std::string secondError;
    std::thread second([&] {
        try {
            Database database = Database::open(where);
            secondOpened = true;
            secondReport = database.openReport();
            secondSees = count(database, "SELECT count(*) FROM observation");
        } catch (const std::exception& error) {
            secondError = error.what();
            secondOpened = true;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_FALSE(secondOpened.load());
    importSimpleCsv(first, folder.file("log.csv"), {}, false);
    first.commitCreation();
    second.join();
    CHECK(secondError == "");
    REQUIRE(secondReport.has_value());
    CHECK_FALSE(secondReport->created);
    CHECK(secondSees == 3);
}
