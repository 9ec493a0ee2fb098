#include "core/whole_number.h"

#include <doctest/doctest.h>

#include <cstdint>

using namespace knotmap;

TEST_CASE("whole number: all of the text, digits with a minus sign if negative") {
    CHECK(parseWholeNumber("0") == 0);
    CHECK(parseWholeNumber("7") == 7);
    CHECK(parseWholeNumber("-12") == -12);
    CHECK(parseWholeNumber("007") == 7);
    CHECK(parseWholeNumber<std::int64_t>("9000000000") == std::int64_t{9000000000});
}

TEST_CASE("whole number: anything else is none") {
    for (const char* text :
         {"", " 7", "7 ", "+7", "7.0", "7.5", "1e3", "seven", "7a", "-", "0x7"}) {
        CAPTURE(text);
        CHECK_FALSE(parseWholeNumber(text).has_value());
    }
    // Too large for the type asked for, not wrapped round.
    CHECK_FALSE(parseWholeNumber("9000000000").has_value());
}

TEST_CASE("digits: a whole number written with no sign") {
    CHECK(parseDigits("09") == 9);
    CHECK(parseDigits("2026") == 2026);
    for (const char* text : {"", "-1", "+1", " 1", "1a"}) {
        CAPTURE(text);
        CHECK_FALSE(parseDigits(text).has_value());
    }
}
