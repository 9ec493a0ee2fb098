#include "core/other_apps/day_text.h"

#include "core/text_search.h"
#include "core/text_trim.h"
#include "core/whole_number.h"

#include <array>
#include <cstdio>
#include <vector>

namespace knotmap {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// "sep", "sept" or "september" -> 9.
std::optional<int> month(std::string_view word) {
    if (word.size() < 3) {
        return std::nullopt;
    }
    static constexpr std::array<std::string_view, 12> kFull = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (word == kMonths[i] || word == kFull[i] || (i == 8 && word == "sept")) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

// "22nd" -> 22.
std::optional<int> dayOfMonth(std::string_view word) {
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (word.size() > 2 && word.ends_with(suffix)) {
            word.remove_suffix(2);
            break;
        }
    }
    return parseWholeNumber(word);
}

bool realDate(int year, int monthNumber, int day) {
    if (year < 1900 || year > 9999 || monthNumber < 1 || monthNumber > 12 || day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last =
        monthNumber == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(monthNumber - 1)];
    return day <= last;
}

std::optional<std::string> formatted(int year, int monthNumber, int day) {
    if (!realDate(year, monthNumber, day)) {
        return std::nullopt;
    }
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, monthNumber, day);
    return std::string(text);
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == ',' || c == '.') {
            if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
        } else {
            word += c;
        }
    }
    if (!word.empty()) {
        out.push_back(word);
    }
    return out;
}

} // namespace

std::optional<std::string> isoDay(std::string_view text) {
    text = trimmed(text);
    if (text.size() == 10 && (text[4] == '-' || text[4] == '/') && text[7] == text[4]) {
        const auto year = parseWholeNumber(text.substr(0, 4));
        const auto monthNumber = parseWholeNumber(text.substr(5, 2));
        const auto day = parseWholeNumber(text.substr(8, 2));
        if (year && monthNumber && day) {
            return formatted(*year, *monthNumber, *day);
        }
        return std::nullopt;
    }
    const std::vector<std::string> parts = words(lowercaseAscii(text));
    if (parts.size() != 3) {
        return std::nullopt;
    }
    const auto year = parseWholeNumber(parts[2]);
    if (!year) {
        return std::nullopt;
    }
    if (const auto m = month(parts[1]); m) { // 22nd Sep 2020
        if (const auto day = dayOfMonth(parts[0])) {
            return formatted(*year, *m, *day);
        }
    }
    if (const auto m = month(parts[0]); m) { // Sep 22, 2020
        if (const auto day = dayOfMonth(parts[1])) {
            return formatted(*year, *m, *day);
        }
    }
    return std::nullopt;
}

std::optional<std::string> isoClock(std::string_view text) {
    std::string lower = lowercaseAscii(trimmed(text));
    int add = 0;
    bool twelveHour = false;
    for (const auto& [suffix, hours] : {std::pair{"am", 0}, std::pair{"pm", 12}}) {
        if (lower.ends_with(suffix)) {
            lower.resize(lower.size() - 2);
            lower = std::string(trimmed(lower));
            add = hours;
            twelveHour = true;
            break;
        }
    }
    const auto colon = lower.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2) {
        return std::nullopt;
    }
    std::string_view rest = std::string_view(lower).substr(colon + 1);
    if (rest.size() == 5 && rest[2] == ':') {
        const auto seconds = parseWholeNumber(rest.substr(3));
        if (!seconds || *seconds > 59) {
            return std::nullopt;
        }
        rest = rest.substr(0, 2);
    }
    const auto hour = parseWholeNumber(std::string_view(lower).substr(0, colon));
    const auto minute = rest.size() == 2 ? parseWholeNumber(rest) : std::nullopt;
    if (!hour || !minute || *minute > 59) {
        return std::nullopt;
    }
    int h = *hour;
    if (twelveHour) {
        if (h < 1 || h > 12) {
            return std::nullopt;
        }
        h = h % 12 + add;
    } else if (h > 23) {
        return std::nullopt;
    }
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", h, *minute);
    return std::string(clock);
}

} // namespace knotmap
