#pragma once

#include "core/domain.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/session_repository.h"

// Small builders for store tests: a client with one session and one knot.
namespace knotmap::testing {

struct SampleHistory {
    Client client;
    Session session;
    Knot knot;
};

inline SampleHistory addSampleHistory(Database& database, const std::string& name = "Alex Morgan") {
    SampleHistory sample;
    sample.client.name = name;
    ClientRepository(database.sql()).add(sample.client);
    sample.session.clientId = sample.client.id;
    sample.session.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
    SessionRepository(database.sql()).add(sample.session);
    sample.knot.clientId = sample.client.id;
    sample.knot.view = BodyView::Back;
    sample.knot.position = {0.41, 0.17};
    sample.knot.regionCode = "back.upper_trapezius.left";
    KnotRepository(database.sql()).add(sample.knot);
    return sample;
}

} // namespace knotmap::testing
