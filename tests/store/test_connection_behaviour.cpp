// What every connection promises its callers whatever the backend, and the
// settings a server connection plans Knotmap's reads with
// (store/sql/postgres/postgres_connection.cpp; docs/performance.md, "At
// clinic scale on a server").
#include "store/sql/postgres/postgres_connection.h"
#include "store/sql/statement.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using namespace knotmap;

TEST_CASE("connection: a cell outside the result reads as NULL on either backend") {
    Database database = testing::openTestDatabase();
    sql::Statement query(database.sql(), "SELECT 7 AS n");
    REQUIRE(query.executeStep());
    CHECK(query.getColumn(0).getInt() == 7);
    CHECK(query.getColumn(1).isNull()); // no such column
    CHECK_FALSE(query.executeStep());
    CHECK(query.getColumn(0).isNull()); // past the last row
}

TEST_CASE("connection: a server connection plans for one client's rows through an index") {
    if (!testing::testingOnServer()) {
        return; // SQLite has no planner settings of this kind
    }
    Database database = testing::openTestDatabase();
    const auto setting = [&](const std::string& name) {
        return database.sql().execAndGet("SELECT current_setting('" + name + "')").getString();
    };
    // No parallel workers: starting them took most of a 144 ms history read
    // that runs in 20 ms without.
    CHECK(setting("max_parallel_workers_per_gather") == "0");
    // No JIT: compiling the client list's counts took 168 ms of a 480 ms open.
    CHECK(setting("jit") == "off");
    // Index pages cost about what sequential ones do in a practice's
    // database, which fits in memory: a client's treatments by index (8 ms),
    // not by reading all of them (72-212 ms).
    CHECK(setting("random_page_cost") == "1.1");
    // The same after a read transaction (settings are the session's).
    database.sql().beginRead();
    database.sql().rollback();
    CHECK(setting("jit") == "off");
}

TEST_CASE("connection: a password typed for a postgresql:// URI reaches the server") {
    if (!testing::testingOnServer()) {
        return; // a file has no password
    }
    // The test server's role knotmap_password logs in with "correct horse"
    // over TCP (scripts/test-postgres); libpq must find no password of its own.
    const std::string server = testing::testServerConninfo();
    const auto portAt = server.find("port=") + 5;
    const std::string port = server.substr(portAt, server.find(' ', portAt) - portAt);
    ::unsetenv("PGPASSWORD");
    ::setenv("PGPASSFILE", "/nonexistent/knotmap-no-pgpass", 1);
    const std::string uri = "postgresql://knotmap_password@127.0.0.1:" + port + "/postgres";
    sql::PostgresConnection connection(uri, std::string("correct horse"));
    CHECK(connection.execAndGet("SELECT current_user").getString() == "knotmap_password");
    // With a query of its own already, the password joins it.
    sql::PostgresConnection withQuery(uri + "?application_name=knotmap-test",
                                      std::string("correct horse"));
    CHECK(withQuery.execAndGet("SELECT current_setting('application_name')").getString() ==
          "knotmap-test");
    CHECK_THROWS_AS(sql::PostgresConnection(uri, std::string("correct horse!")), sql::Error);
}
