#include "core/calendar_day.h"

#include "core/timestamp.h"
#include "core/whole_number.h"

namespace knotmap {

std::optional<std::int64_t> parseCalendarDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    // Digits only: parseWholeNumber alone would take "-026" as a year.
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) {
            return std::nullopt;
        }
    }
    const auto year = parseWholeNumber(text.substr(0, 4));
    const auto month = parseWholeNumber(text.substr(5, 2));
    const auto day = parseWholeNumber(text.substr(8, 2));
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
