#include "ui/front_desk/visit_time_input.h"

#include "core/calendar_day.h"
#include "core/whole_number.h"

#include <cstdio>

namespace knotmap::ui {
namespace {

// Hours and minutes of "H:MM" or "HH:MM".
std::optional<std::pair<int, int>> timeOfDay(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) {
        return std::nullopt;
    }
    const auto hour = parseDigits(text.substr(0, colon));
    const auto minute = parseDigits(text.substr(colon + 1));
    if (!hour || !minute || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    return std::pair(*hour, *minute);
}

} // namespace

VisitTimeInput parseVisitTime(std::string_view date, std::string_view time) {
    VisitTimeInput input;
    const auto day = parseCalendarDay(date);
    if (!day) {
        input.problem =
            "Date: write it as YYYY-MM-DD, e.g. " + LocalTimestamp::now().localDate() + ".";
        return input;
    }
    const auto clock = timeOfDay(time);
    if (!clock) {
        input.problem = "Time: write it as HH:MM on the 24-hour clock, e.g. 14:30.";
        return input;
    }
    CivilDateTime local = civilFromSeconds(*day * 86400);
    local.hour = clock->first;
    local.minute = clock->second;
    // A time the clocks skip moves on by the skip, as calendars do.
    input.at = fromSystemLocal(local).at;
    return input;
}

std::string visitTimePassedNote(const VisitTimeInput& input, std::int64_t nowUtc) {
    if (!input.at || input.at->utcSeconds() >= nowUtc) {
        return {};
    }
    return "This time has passed; book it anyway to record a visit already made.";
}

VisitTimeText nextWholeHour() {
    // An hour from now, back to the start of that hour on the local clock.
    const std::int64_t inAnHour = LocalTimestamp::now().utcSeconds() + 3600;
    const int offset = LocalTimestamp::systemOffsetAt(inAnHour);
    const CivilDateTime local = LocalTimestamp(inAnHour, offset).local();
    const LocalTimestamp start(inAnHour - local.minute * 60 - local.second, offset);
    char time[8];
    std::snprintf(time, sizeof time, "%02d:00", start.local().hour);
    return {start.localDate(), time};
}

} // namespace knotmap::ui
