#include "core/text_trim.h"

#include <doctest/doctest.h>

#include <string>

using namespace knotmap;

TEST_CASE("trimmed drops spaces, tabs and line breaks around the text, not inside it") {
    CHECK(trimmed("  Ivy Chen \t") == "Ivy Chen");
    CHECK(trimmed("\r\nAna  Souza\n") == "Ana  Souza");
    CHECK(trimmed("Jaw") == "Jaw");
    CHECK(trimmed("a") == "a");
    CHECK(trimmed(" a ") == "a");
}

TEST_CASE("trimmed of nothing but blanks is empty") {
    CHECK(trimmed("").empty());
    CHECK(trimmed(" \t\r\n ").empty());
}

TEST_CASE("trimmed keeps other characters, also non-breaking spaces and UTF-8") {
    // U+00A0 and U+3000 are not what a stray key press adds; they are left.
    CHECK(trimmed("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");
    CHECK(trimmed(" \xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x8D ") ==
          "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x8D");
    CHECK(trimmed("\vx\f") == "\vx\f");
}

TEST_CASE("trimmed is a view into the text it was given") {
    const std::string text = "  knot  ";
    const std::string_view inner = trimmed(text);
    CHECK(inner.data() == text.data() + 2);
    CHECK(inner.size() == 4);
}

TEST_CASE("isBlank is true for empty and blank text only") {
    CHECK(isBlank(""));
    CHECK(isBlank(" \t\r\n"));
    CHECK_FALSE(isBlank(" x "));
    CHECK_FALSE(isBlank("\xC2\xA0"));
}
