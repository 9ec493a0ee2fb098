#include "core/calendar_day.h"

#include "core/timestamp.h"

#include <charconv>

namespace knotmap {
namespace {

std::optional<int> parseDigits(std::string_view text) {
    int value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<std::int64_t> parseCalendarDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    // Digits only: from_chars alone would take "-026" as a year.
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) {
            return std::nullopt;
        }
    }
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
