#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace knotmap {

// The earliest birth year the database takes (db/sqlite/001_initial.sql: CHECK
// birth_year BETWEEN 1900 AND 2100); the latest a person can have is this year.
inline constexpr int kEarliestBirthYear = 1900;

// A birth year as typed into a form: blank means none; otherwise four
// digits from 1900 to currentYear.
struct BirthYearInput {
    std::optional<int> year; // when the text is a usable year
    std::string problem;     // why it is not, worded to follow "Birth year: "; empty when fine
};

[[nodiscard]] BirthYearInput parseBirthYear(std::string_view text, int currentYear);

// Why year cannot be a birth year in currentYear, or "" when it can.
[[nodiscard]] std::string birthYearProblem(int year, int currentYear);

// This year by the computer's local calendar.
[[nodiscard]] int currentLocalYear();

} // namespace knotmap
