#pragma once

#include "core/timestamp.h"

#include <optional>
#include <string>
#include <string_view>

namespace knotmap::ui {

// A visit's start as typed at the front desk: a date (YYYY-MM-DD) and a
// time of day (H:MM or HH:MM, 24-hour), read as wall-clock time here.
struct VisitTimeInput {
    std::optional<LocalTimestamp> at; // when both parts are usable
    std::string problem;              // why not, as a sentence; empty when fine
};

[[nodiscard]] VisitTimeInput parseVisitTime(std::string_view date, std::string_view time);

// Said quietly under the booking form when the time typed is before nowUtc
// (it may still be booked: a visit already made); empty otherwise, also when
// the input is no time at all.
[[nodiscard]] std::string visitTimePassedNote(const VisitTimeInput& input, std::int64_t nowUtc);

// The next whole hour, as the booking form starts filled in: "2026-12-05"
// and "14:00" (at 23:20 that is 00:00 of tomorrow, never a time past).
struct VisitTimeText {
    std::string date;
    std::string time;
};
[[nodiscard]] VisitTimeText nextWholeHour();

} // namespace knotmap::ui
