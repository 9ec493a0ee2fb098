#include "core/code_points.h"
#include "core/display_order.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("display order: left-to-right text is untouched") {
    for (const char* text : {"", "Anna Petrova", "Анна Петрова", "王小明", "Ελένη"}) {
        CAPTURE(text);
        CHECK_FALSE(hasRightToLeft(text));
        CHECK(visualOrder(text) == text);
    }
}

TEST_CASE("display order: Hebrew is reversed into visual order, words and all") {
    CHECK(hasRightToLeft("ליאור כהן"));
    CHECK(visualOrder("ליאור כהן") == "ןהכ רואיל");
    // A number inside keeps its digits' order; the Latin stays left to right.
    CHECK(visualOrder("Dr ליאור") == "Dr רואיל");
}

TEST_CASE("display order: Arabic letters join into their presentation forms") {
    // ليلى: lam (initial), yeh (medial), lam (medial), alef maksura (final),
    // drawn right to left, so the final form comes first on the line.
    const std::vector<char32_t> shaped = codePointsOf(visualOrder("ليلى"));
    CHECK(shaped == std::vector<char32_t>{0xFEF0, 0xFEE0, 0xFEF4, 0xFEDF});
}

TEST_CASE("display order: each line of a note is ordered on its own, the breaks kept") {
    CHECK(visualOrderByLine("ליאור\nכהן") == "רואיל\nןהכ");
    CHECK(visualOrderByLine("Tight\nליאור\n") == "Tight\nרואיל\n");
    CHECK(visualOrderByLine("No right-to-left\nhere") == "No right-to-left\nhere");
}
