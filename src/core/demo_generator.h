#pragma once

#include "core/domain.h"

#include <cstdint>
#include <optional>

namespace knotmap {

struct DemoOptions {
    int clients = 3;
    int days = 120;
    std::uint64_t seed = 1;
    // The history ends on this date, local to each client (its sessions up to
    // that day).
    int endYear = 2026;
    int endMonth = 1;
    int endDay = 1;
    // "Now": no session is later than this instant (UTC seconds). A client
    // whose local date at now is before the end date ends on that date, and
    // today's sessions still to come are left out. None: no limit (the
    // writer, store/demo_writer.h, fills in the clock's now).
    std::optional<std::int64_t> nowUtcSeconds;
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
// produce the same records in the same order. Each client lives in a time zone
// of their own (London, Berlin, New York in turn; demo_time_zones.h) and their
// sessions carry the offset in force at each instant, across daylight-saving
// changes; the first client, given at least 31 days, spends a week or so in
// Tokyo (+09:00), checking in from there and missing their visits.
void generateDemo(const DemoOptions& options, DemoSink& sink);

} // namespace knotmap
