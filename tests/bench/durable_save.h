#pragma once

#include <string>

namespace knotmap::bench {

// What logging one knot costs the person clicking, now that each save is
// synced to disk (WAL, synchronous = FULL) before it is shown as saved.
// Measured on a scratch database at path (created, then removed), against
// synchronous = NORMAL in the same run for the price of durability.
struct SaveTiming {
    double medianMs = 0.0;
    double p95Ms = 0.0;
};

[[nodiscard]] SaveTiming timeLoggingKnots(const std::string& path, const char* synchronous,
                                          int rounds);

} // namespace knotmap::bench
