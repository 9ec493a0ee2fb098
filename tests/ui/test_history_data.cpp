#include "core/atlas.h"
#include "store/client_history_query.h"
#include "store/database.h"
#include "store/demo_writer.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "support/temp_folder.h"
#include "ui/history/history_data.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace knotmap;

namespace {

// Asks once a "frame" until the worker's result is current.
template <typename Ask>
auto settle(Ask ask) {
    for (int frame = 0; frame < 3000; ++frame) {
        auto lookup = ask();
        if (lookup.current || !lookup.error.empty()) {
            return lookup;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    FAIL("the worker never finished");
    return ask();
}

Id firstClient(Database& database) {
    sql::Statement query(database.sql(), "SELECT min(id) FROM client");
    REQUIRE(query.executeStep());
    return query.getColumn(0).getInt64();
}

} // namespace

TEST_CASE("history data reads a real file on a worker and matches the direct analyses") {
    testing::TempFolder folder;
    const auto path = folder.file("history.db");
    Id client = 0;
    {
        Database database = Database::open(path);
        DemoOptions options;
        options.clients = 2;
        options.days = 40;
        (void)writeDemo(database, options);
        client = firstClient(database);
    }
    const Atlas& atlas = Atlas::builtIn();
    ui::HistoryData data(path, atlas);

    // Nothing is ready on the first frame: the read runs on a worker.
    const auto first = data.history(client);
    CHECK_FALSE(first.current);
    const auto history = settle([&] { return data.history(client); });
    REQUIRE(history.value != nullptr);
    CHECK(history.error.empty());

    Database check = Database::open(path);
    const ClientHistory direct = loadClientHistory(check.sql(), client);
    CHECK(history.value->sessions.size() == direct.sessions.size());
    CHECK(history.value->observations.size() == direct.observations.size());

    const auto overview = settle([&] { return data.overview(client); });
    REQUIRE(overview.value != nullptr);
    CHECK(overview.value->size() == direct.sessions.size());
    const UtcRange range{direct.sessions.front().startedAt.utcSeconds(),
                         direct.sessions.back().startedAt.utcSeconds()};
    const auto heat = settle([&] { return data.heat(client, range, HeatMode::Peak); });
    REQUIRE(heat.value != nullptr);
    CHECK(*heat.value == regionHeat(direct, atlas, range.fromUtc, range.toUtc, HeatMode::Peak));
    const auto effects = settle([&] { return data.effects(client, 1.0); });
    REQUIRE(effects.value != nullptr);
    CHECK(effects.value->size() == treatmentEffects(direct, 1.0).size());

    // Another client: nothing to show until theirs is read, never the first
    // client's history in its place.
    sql::Statement second(check.sql(), "SELECT max(id) FROM client");
    REQUIRE(second.executeStep());
    const Id other = second.getColumn(0).getInt64();
    REQUIRE(other != client);
    const auto switching = data.history(other);
    CHECK_FALSE(switching.current);
    CHECK(switching.value == nullptr);
    CHECK(settle([&] { return data.history(other); }).value->clientId == other);
    (void)settle([&] { return data.history(client); });

    // A saved change: the old history stays on show (stale) until the new one is read.
    Session added;
    added.clientId = client;
    added.startedAt = LocalTimestamp(direct.sessions.back().startedAt.utcSeconds() + 3600, 0);
    SessionRepository(check.sql()).add(added);
    data.setVersion(1);
    const auto stale = data.history(client);
    REQUIRE(stale.value != nullptr);
    CHECK_FALSE(stale.current);
    CHECK(stale.value->sessions.size() == direct.sessions.size());
    const auto fresh = settle([&] { return data.history(client); });
    CHECK(fresh.value->sessions.size() == direct.sessions.size() + 1);
    CHECK(fresh.value->sessions.back().id == added.id);
}

TEST_CASE("history data reports a database it cannot read") {
    testing::TempFolder folder;
    ui::HistoryData data(folder.file("missing.db"), Atlas::builtIn());
    const auto lookup = settle([&] { return data.history(1); });
    CHECK(lookup.value == nullptr);
    CHECK_FALSE(lookup.error.empty());
}
