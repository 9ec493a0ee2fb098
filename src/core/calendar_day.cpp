#include "core/calendar_day.h"

#include "core/timestamp.h"
#include "core/whole_number.h"

namespace knotmap {

std::optional<std::int64_t> parseCalendarDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    // Digits only: a signed number would take "-026" as a year.
    const auto year = parseDigits(text.substr(0, 4));
    const auto month = parseDigits(text.substr(5, 2));
    const auto day = parseDigits(text.substr(8, 2));
    if (!year || !month || !day) {
        return std::nullopt;
    }
    CivilDateTime civil;
    civil.year = *year;
    civil.month = *month;
    civil.day = *day;
    if (!isValidCivil(civil)) {
        return std::nullopt;
    }
    return daysFromCivil(*year, *month, *day);
}

} // namespace knotmap
