#include "store/client_history_query.h"
#include "store/client_session_counts.h"
#include "store/observation_repository.h"
#include "store/treatment_repository.h"
#include "store_fixtures.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

using namespace knotmap;

namespace {

Id addSession(Database& database, Id clientId, CivilDateTime when, int offsetMinutes = 60) {
    Session session;
    session.clientId = clientId;
    session.startedAt = LocalTimestamp::fromLocal(when, offsetMinutes);
    session.overallPain = when.day % 10;
    return SessionRepository(database.sql()).add(session);
}

Id observe(Database& database, Id sessionId, Id knotId, int pain,
           std::vector<std::string> symptoms = {}) {
    Observation observation;
    observation.sessionId = sessionId;
    observation.knotId = knotId;
    observation.pain = pain;
    observation.symptomCodes = std::move(symptoms);
    return ObservationRepository(database.sql()).add(observation);
}

} // namespace

TEST_CASE("a client's history comes back in time order with symptoms and treatments") {
    Database database = testing::openTestDatabase();
    const testing::SampleHistory sample = testing::addSampleHistory(database); // 14 Mar 09:30 +01
    Knot second = sample.knot;
    second.id = 0;
    second.regionCode = "back.upper_trapezius.right";
    second.label = "Right shoulder";
    KnotRepository(database.sql()).add(second);

    // Added out of time order; the -05:00 one is the earliest instant.
    const Id later = addSession(database, sample.client.id, {2026, 3, 20, 18, 0, 0});
    const Id earliest = addSession(database, sample.client.id, {2026, 3, 1, 8, 0, 0}, -300);
    observe(database, later, second.id, 2);
    observe(database, later, sample.knot.id, 3, {"stiffness", "tenderness"});
    observe(database, earliest, sample.knot.id, 8, {"headache"});
    Treatment ball;
    ball.sessionId = later;
    ball.knotId = sample.knot.id;
    ball.kindCode = "massage_ball";
    ball.painBefore = 3;
    ball.painAfter = 1;
    TreatmentRepository(database.sql()).add(ball);
    Treatment heat;
    heat.sessionId = earliest;
    heat.kindCode = "heat";
    TreatmentRepository(database.sql()).add(heat);

    // Another client's rows stay out.
    const testing::SampleHistory other = testing::addSampleHistory(database, "Sam Lee");
    observe(database, other.session.id, other.knot.id, 9);

    const ClientHistory history = loadClientHistory(database.sql(), sample.client.id);
    CHECK(history.clientId == sample.client.id);
    REQUIRE(history.sessions.size() == 3);
    CHECK(history.sessions[0].id == earliest);
    CHECK(history.sessions[0].startedAt.offsetMinutes() == -300);
    CHECK(history.sessions[1].id == sample.session.id);
    CHECK(history.sessions[2].id == later);
    CHECK(history.sessions[2].overallPain == 0); // day 20
    REQUIRE(history.knots.size() == 2);
    CHECK(history.knots[0].id == sample.knot.id);
    CHECK(history.knots[1].label == "Right shoulder");
    CHECK(history.knots[1].view == BodyView::Back);

    REQUIRE(history.observations.size() == 3);
    CHECK(history.observations[0].session == 0);
    CHECK(history.observations[0].pain == 8);
    CHECK(history.observations[0].symptomCodes == std::vector<std::string>{"headache"});
    // Within a session by knot id.
    CHECK(history.observations[1].session == 2);
    CHECK(history.observations[1].knotId == sample.knot.id);
    CHECK(history.observations[1].symptomCodes.size() == 2);
    CHECK(history.observations[2].knotId == second.id);
    CHECK(history.observations[2].symptomCodes.empty());

    REQUIRE(history.treatments.size() == 2);
    CHECK(history.treatments[0].session == 0);
    CHECK(history.treatments[0].kindCode == "heat");
    CHECK_FALSE(history.treatments[0].knotId.has_value());
    CHECK(history.treatments[1].session == 2);
    CHECK(history.treatments[1].knotId == sample.knot.id);
    CHECK(history.treatments[1].painBefore == 3);
    CHECK(history.treatments[1].painAfter == 1);
}

TEST_CASE("a client without sessions has an empty history") {
    Database database = testing::openTestDatabase();
    Client client;
    client.name = "New";
    ClientRepository(database.sql()).add(client);
    const ClientHistory history = loadClientHistory(database.sql(), client.id);
    CHECK(history.sessions.empty());
    CHECK(history.observations.empty());
    CHECK(history.treatments.empty());
}

TEST_CASE("session counts per client name the latest session in its own offset") {
    Database database = testing::openTestDatabase();
    const testing::SampleHistory sample = testing::addSampleHistory(database);
    addSession(database, sample.client.id, {2026, 3, 1, 8, 0, 0});
    addSession(database, sample.client.id, {2026, 4, 2, 23, 30, 0}, -300);
    Client idle;
    idle.name = "Idle";
    ClientRepository(database.sql()).add(idle);

    const auto counts = sessionCountsByClient(database.sql());
    CHECK(counts.size() == 1);
    const ClientSessionCount& count = counts.at(sample.client.id);
    CHECK(count.sessions == 3);
    REQUIRE(count.latest.has_value());
    CHECK(count.latest->local() == CivilDateTime{2026, 4, 2, 23, 30, 0});
    CHECK(count.latest->offsetMinutes() == -300);
}
