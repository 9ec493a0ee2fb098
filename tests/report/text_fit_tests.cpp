#include "report/text_fit.h"

#include <doctest/doctest.h>

#include <string>

using namespace knotmap::report;

namespace {

// Every UTF-8 character is 1 unit wide: continuation bytes are not counted.
double characters(std::string_view text) {
    double width = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            width += 1;
        }
    }
    return width;
}

} // namespace

TEST_CASE("short text stays on one line") {
    CHECK(wrapText("tight upper trap", 20, 3, characters) ==
          std::vector<std::string>{"tight upper trap"});
}

TEST_CASE("text wraps at spaces and line breaks become spaces") {
    CHECK(wrapText("tight upper\ntrap after desk work", 12, 5, characters) ==
          std::vector<std::string>{"tight upper", "trap after", "desk work"});
}

TEST_CASE("empty or blank text gives no lines") {
    CHECK(wrapText("", 10, 3, characters).empty());
    CHECK(wrapText("   \n ", 10, 3, characters).empty());
}

TEST_CASE("text beyond the line limit ends in an ellipsis that fits") {
    const auto lines = wrapText("one two three four five six seven", 9, 2, characters, "~");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "one two");
    CHECK(lines[1] == "three~");
    CHECK(characters(lines[1]) <= 9);
}

TEST_CASE("a word longer than a line is broken between characters") {
    const auto lines = wrapText("Schulterblattmuskel", 8, 5, characters);
    CHECK(lines == std::vector<std::string>{"Schulter", "blattmus", "kel"});
}

TEST_CASE("breaking a word never splits a UTF-8 character") {
    const auto lines = wrapText("\xC5\x81ukasz\xC5\x81ukasz", 3, 5, characters);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "\xC5\x81uk");
    CHECK(lines[2] == "\xC5\x81uk");
}

TEST_CASE("truncateToWidth keeps text that fits and cuts what does not") {
    CHECK(truncateToWidth("Björn Müller", 12, characters) == "Björn Müller");
    CHECK(truncateToWidth("Björn Müller", 7, characters, "~") == "Björn~");
    CHECK(truncateToWidth("Björn Müller", 8, characters, "~") == "Björn M~");
}
