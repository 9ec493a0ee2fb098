#pragma once

#include "core/domain.h"

#include <cstdint>

namespace knotmap {

struct DemoOptions {
    int clients = 3;
    int days = 120;
    std::uint64_t seed = 1;
    // The history ends on this local date (its sessions up to that day).
    int endYear = 2026;
    int endMonth = 1;
    int endDay = 1;
    // UTC offset, in minutes, of the sessions' local times.
    int utcOffsetMinutes = 0;
};

// Receives the generated records in dependency order (a client before its
// sessions and knots, a session and knot before their observations and
// treatments). Each add sets the record's id.
class DemoSink {
public:
    virtual ~DemoSink() = default;
    virtual void addClient(Client& client) = 0;
    virtual void addSession(Session& session) = 0;
    virtual void addKnot(Knot& knot) = 0;
    virtual void updateKnot(const Knot& knot) = 0; // e.g. when a knot resolves
    virtual void addObservation(Observation& observation) = 0;
    virtual void addTreatment(Treatment& treatment) = 0;
};

// Writes a believable synthetic history into sink: the same options always
// produce the same records in the same order.
void generateDemo(const DemoOptions& options, DemoSink& sink);

} // namespace knotmap
