// Asks the real fontconfig about the fonts Debian installed for the build
// (scripts/ensure-packages: fonts-dejavu-core, fonts-droid-fallback).
#include "core/fallback_fonts.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("fallback fonts: each script is found in a font that really has it") {
    FallbackFonts fonts;
    for (const char32_t codePoint : {char32_t{0x05D0}, char32_t{0x0644}, char32_t{0x738B},
                                     char32_t{0x3042}, char32_t{0xFFFD}}) {
        CAPTURE(static_cast<unsigned>(codePoint));
        const std::optional<FontFace> face = fonts.faceFor(codePoint);
        REQUIRE(face.has_value());
        CHECK(FontCharacters(face->file, face->index).has(codePoint));
        CHECK_FALSE(FontCharacters(face->file, face->index).has(0xE9A0));
    }
}

TEST_CASE("fallback fonts: a code point no installed font has is none, and stays none") {
    FallbackFonts fonts;
    CHECK_FALSE(fonts.faceFor(0xE9A0).has_value()); // private use, unused by any Debian font
    CHECK_FALSE(fonts.faceFor(0xE9A0).has_value());
}

TEST_CASE("fallback fonts: for the PDF only single TrueType files are offered") {
    FallbackFonts fonts(FontFormat::TrueTypeFile);
    const std::optional<FontFace> chinese = fonts.faceFor(0x738B);
    REQUIRE(chinese.has_value());
    CHECK(chinese->file.ends_with(".ttf"));
    CHECK(chinese->index == 0);
}

TEST_CASE("fallback fonts: a file fontconfig cannot read has no characters") {
    CHECK_FALSE(FontCharacters("/nonexistent/font.ttf").has(U'A'));
    CHECK(FontCharacters("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").has(0x05D0));
}
