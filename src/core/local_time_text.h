#pragma once

#include <cstdint>
#include <string>

// A UTC instant as the computer's local wall-clock time (the system's zone,
// daylight saving included), in the few ways Knotmap shows when something
// happened. Sessions carry their own UTC offset and use LocalTimestamp
// instead; these are for moments the database stamped (the audit trail).
namespace knotmap {

// "2026-12-03 14:02:11": sortable, for the audit command and its CSV.
[[nodiscard]] std::string localDateTimeText(std::int64_t utc);

// "3 Dec 14:02", or "3 Dec 2025 14:02" outside the local year of nowUtc:
// a line in a list of recent changes.
[[nodiscard]] std::string localDayMinuteText(std::int64_t utc, std::int64_t nowUtc);

// "14:02 on 3 Dec 2026": the end of a sentence ("... changed this visit at").
[[nodiscard]] std::string localMinuteOnDayText(std::int64_t utc);

} // namespace knotmap
