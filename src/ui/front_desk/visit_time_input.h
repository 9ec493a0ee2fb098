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

// The next whole hour, as the booking form starts filled in: "2026-12-05"
// and "14:00" (at 23:20 that is 00:00 of tomorrow, never a time past).
struct VisitTimeText {
    std::string date;
    std::string time;
};
[[nodiscard]] VisitTimeText nextWholeHour();

} // namespace knotmap::ui
