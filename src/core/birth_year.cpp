#include "core/birth_year.h"

#include "core/text_trim.h"

#include <ctime>

namespace knotmap {

std::string birthYearProblem(int year, int currentYear) {
    if (year < kEarliestBirthYear) {
        return std::to_string(year) + " is before " + std::to_string(kEarliestBirthYear);
    }
    if (year > currentYear) {
        return std::to_string(year) + " is in the future";
    }
    return {};
}

BirthYearInput parseBirthYear(std::string_view text, int currentYear) {
    const std::string_view digits = trimmed(text);
    if (digits.empty()) {
        return {}; // no birth year given: the field is optional
    }
    bool allDigits = digits.size() == 4;
    int year = 0;
    for (const char c : digits) {
        allDigits = allDigits && c >= '0' && c <= '9';
        year = allDigits ? year * 10 + (c - '0') : 0;
    }
    BirthYearInput input;
    if (!allDigits) {
        input.problem = "type the year with four digits, e.g. 1984, or leave it empty";
        return input;
    }
    input.problem = birthYearProblem(year, currentYear);
    if (input.problem.empty()) {
        input.year = year;
    }
    return input;
}

int currentLocalYear() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_year + 1900;
}

} // namespace knotmap
