#include "store/knot_pain_query.h"
#include "store/observation_repository.h"
#include "store_fixtures.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

using namespace knotmap;

namespace {

Id addSession(Database& database, Id clientId, CivilDateTime when) {
    Session session;
    session.clientId = clientId;
    session.startedAt = LocalTimestamp::fromLocal(when, 60);
    return SessionRepository(database.sql()).add(session);
}

void observe(Database& database, Id sessionId, Id knotId, int pain) {
    Observation observation;
    observation.sessionId = sessionId;
    observation.knotId = knotId;
    observation.pain = pain;
    ObservationRepository(database.sql()).add(observation);
}

} // namespace

TEST_CASE("latest pain by knot takes each knot's observation from its latest session") {
    Database database = testing::openTestDatabase();
    const testing::SampleHistory sample = testing::addSampleHistory(database);
    Knot second = sample.knot;
    second.id = 0;
    second.position = {0.6, 0.2};
    second.regionCode = "back.upper_trapezius.right";
    KnotRepository(database.sql()).add(second);
    Knot unobserved = second;
    unobserved.id = 0;
    KnotRepository(database.sql()).add(unobserved);

    // Added out of time order: the newest session must win, not the newest row.
    const Id later = addSession(database, sample.client.id, {2026, 3, 20, 18, 0, 0});
    const Id earlier = addSession(database, sample.client.id, {2026, 3, 1, 8, 0, 0});
    observe(database, later, sample.knot.id, 3);
    observe(database, earlier, sample.knot.id, 8);
    observe(database, sample.session.id, sample.knot.id, 5);
    observe(database, earlier, second.id, 6);

    // Another client's knots are not included.
    const testing::SampleHistory other = testing::addSampleHistory(database, "Sam Lee");
    observe(database, other.session.id, other.knot.id, 9);

    const auto latest = latestPainByKnot(database.sql(), sample.client.id);
    CHECK(latest.size() == 2);
    CHECK(latest.at(sample.knot.id).pain == 3);
    CHECK(latest.at(sample.knot.id).observedAt.local() == CivilDateTime{2026, 3, 20, 18, 0, 0});
    CHECK(latest.at(second.id).pain == 6);
    CHECK_FALSE(latest.contains(unobserved.id));
}
