#include "core/birth_year.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("a birth year is four digits from 1900 to this year, or nothing") {
    CHECK(parseBirthYear("1984", 2026).year == 1984);
    CHECK(parseBirthYear(" 1984 ", 2026).problem.empty());
    CHECK(parseBirthYear("1900", 2026).year == 1900);
    CHECK(parseBirthYear("2026", 2026).year == 2026);

    const BirthYearInput empty = parseBirthYear("  ", 2026);
    CHECK_FALSE(empty.year.has_value());
    CHECK(empty.problem.empty());

    const BirthYearInput future = parseBirthYear("2027", 2026);
    CHECK_FALSE(future.year.has_value());
    CHECK(future.problem == "2027 is in the future");

    CHECK(parseBirthYear("1899", 2026).problem == "1899 is before 1900");
    for (const char* bad : {"84", "19844", "19a4", "-1984", "1984.0", "１９８４"}) {
        CAPTURE(bad);
        const BirthYearInput input = parseBirthYear(bad, 2026);
        CHECK_FALSE(input.year.has_value());
        CHECK(input.problem == "type the year with four digits, e.g. 1984, or leave it empty");
    }
}

TEST_CASE("this year is a plausible calendar year") {
    const int year = currentLocalYear();
    CHECK(year >= 2024);
    CHECK(year < 2100);
}
