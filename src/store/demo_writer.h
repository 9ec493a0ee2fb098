#pragma once

#include "core/demo_generator.h"
#include "store/database.h"

#include <cstdint>

namespace knotmap {

struct DemoSummary {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t observations = 0;
    std::int64_t treatments = 0;
};

// Generates the demo history into database in one transaction: all of it is
// saved or none. The caller decides whether an existing history may be mixed in.
DemoSummary writeDemo(Database& database, const DemoOptions& options);

} // namespace knotmap
