#include "core/code_points.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("code points: UTF-8 of every length decodes to its code points") {
    CHECK(codePointsOf("Ab") == std::vector<char32_t>{U'A', U'b'});
    CHECK(codePointsOf("Анна") == std::vector<char32_t>{0x0410, 0x043D, 0x043D, 0x0430});
    CHECK(codePointsOf("王小明") == std::vector<char32_t>{0x738B, 0x5C0F, 0x660E});
    CHECK(codePointsOf("\xF0\x9F\x98\x80") == std::vector<char32_t>{0x1F600}); // emoji, 4 bytes
    CHECK(codePointsOf("").empty());
}

TEST_CASE("code points: malformed UTF-8 decodes as U+FFFD one byte at a time") {
    // a lone continuation byte, a truncated sequence, an overlong '/', a surrogate
    CHECK(codePointsOf("a\x80z") == std::vector<char32_t>{U'a', kReplacementCharacter, U'z'});
    CHECK(codePointsOf("\xE7\x8E") ==
          std::vector<char32_t>{kReplacementCharacter, kReplacementCharacter});
    CHECK(codePointsOf("\xC0\xAF").front() == kReplacementCharacter);
    CHECK(codePointsOf("\xED\xA0\x80").front() == kReplacementCharacter);
    CHECK(codePointsOf("\xF4\x90\x80\x80").front() == kReplacementCharacter); // above U+10FFFF
}

TEST_CASE("code points: collecting counts only the new ones") {
    std::set<char32_t> seen;
    CHECK(collectCodePoints("ליאור", seen) == 5); // lamed, yod, alef, vav, resh
    CHECK(seen.size() == 5);
    CHECK(collectCodePoints("אור", seen) == 0);
    CHECK(collectCodePoints("אורה", seen) == 1);
}

TEST_CASE("code points: ranges join neighbours and stay in order") {
    CHECK(toRanges({}).empty());
    CHECK(toRanges({0x41}) == std::vector<CodePointRange>{{0x41, 0x41}});
    CHECK(toRanges({0x43, 0x41, 0x42, 0x5C0F, 0x738B, 0x738C}) ==
          std::vector<CodePointRange>{{0x41, 0x43}, {0x5C0F, 0x5C0F}, {0x738B, 0x738C}});
}
