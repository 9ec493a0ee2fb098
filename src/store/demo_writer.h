#pragma once

#include "core/demo_generator.h"
#include "store/database.h"

#include <cstdint>
#include <functional>

namespace knotmap {

struct DemoSummary {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t observations = 0;
    std::int64_t treatments = 0;
};

// Called now and then with the share of the history written so far, 0 to 1.
// It may throw to cancel: nothing is saved then.
using DemoProgress = std::function<void(double fraction)>;

// Generates the demo history into database in one transaction: all of it is
// saved or none. The caller decides whether an existing history may be mixed in.
// Without options.nowUtcSeconds the clock's now is used: no session written
// is later than the moment of writing.
DemoSummary writeDemo(Database& database, const DemoOptions& options,
                      const DemoProgress& progress = {});

} // namespace knotmap
