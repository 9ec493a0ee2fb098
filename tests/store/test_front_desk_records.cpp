#include "store/practice/front_desk_records.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store_fixtures.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

using namespace knotmap;

// The front desk's queries, as the owner of the tables runs them (the
// grants themselves are tried by tests/e2e/test_gui_front_desk.sh).
TEST_CASE("the front desk adds and lists clients with the client list's checks") {
    Database database = testing::openTestDatabase();
    sql::Connection& db = database.sql();
    Client anna;
    anna.name = "  Anna Berg ";
    anna.birthYear = 1984;
    anna.notes = "Phone after 5";
    const Id id = addFrontDeskClient(db, anna);

    const std::vector<Client> clients = frontDeskClients(db);
    REQUIRE(clients.size() == 1);
    CHECK(clients[0].id == id);
    CHECK(clients[0].name == "Anna Berg");
    CHECK(clients[0].birthYear == 1984);
    CHECK(clients[0].notes == "Phone after 5");
    CHECK(clients[0].version == 1);

    Client twin;
    twin.name = "änna berg"; // folded alike: refused as in the client list
    CHECK_THROWS_AS(addFrontDeskClient(db, twin), ValidationError);
    Client blank;
    blank.name = "   ";
    CHECK_THROWS_AS(addFrontDeskClient(db, blank), ValidationError);
    CHECK(frontDeskClients(db).size() == 1);
}

TEST_CASE("a front desk save moves the version on and refuses one based on an older") {
    Database database = testing::openTestDatabase();
    sql::Connection& db = database.sql();
    Client client;
    client.name = "Ben Ode";
    const Id id = addFrontDeskClient(db, client);
    Client shown = frontDeskClients(db).front();

    Client edited = shown;
    edited.notes = "Prefers mornings";
    const int version = updateFrontDeskClient(db, edited);
    CHECK(version == shown.version + 1);
    CHECK(frontDeskClients(db).front().notes == "Prefers mornings");

    Client stale = shown; // still at the version before that save
    stale.name = "Benjamin Ode";
    CHECK_THROWS_AS(updateFrontDeskClient(db, stale), ConflictError);
    CHECK(frontDeskClients(db).front().name == "Ben Ode");
    CHECK(frontDeskClients(db).front().id == id);
}

TEST_CASE("the front desk books visits and reads them newest first, kinds kept") {
    Database database = testing::openTestDatabase();
    sql::Connection& db = database.sql();
    const testing::SampleHistory sample = testing::addSampleHistory(database);
    const LocalTimestamp later = LocalTimestamp::fromLocal({2026, 4, 2, 16, 45, 0}, 120);
    const Id booked = addFrontDeskVisit(db, sample.client.id, later, SessionKind::SelfCheckIn);

    const std::vector<FrontDeskVisit> visits = frontDeskVisits(db, sample.client.id);
    REQUIRE(visits.size() == 2);
    CHECK(visits[0].id == booked);
    CHECK(visits[0].startedAt == later);
    CHECK(visits[0].kind == SessionKind::SelfCheckIn);
    CHECK(visits[1].id == sample.session.id);
    const auto stored = SessionRepository(db).get(booked);
    REQUIRE(stored.has_value());
    CHECK(stored->kind == SessionKind::SelfCheckIn);
    CHECK_FALSE(stored->overallPain.has_value());
}
