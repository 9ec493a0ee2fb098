// The window's font atlas with other scripts merged in, built for real with
// ImGui's FreeType builder from the installed Debian fonts (no GL needed),
// and the replacement-glyph count the window tests rely on.
#include "ui/style/fallback_faces.h"
#include "ui/style/fonts.h"
#include "ui/style/glyph_coverage.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace knotmap;
using namespace knotmap::ui;

namespace {

// An ImGui context of its own, with the fonts built as the window builds them.
struct FontContext {
    FontContext() {
        ImGui::SetCurrentContext(ImGui::CreateContext());
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    }
    ~FontContext() { ImGui::DestroyContext(); }
    FontContext(const FontContext&) = delete;
    FontContext& operator=(const FontContext&) = delete;

    FontSet build(FallbackFaces& faces) {
        FontSet fonts = buildFonts(*ImGui::GetIO().Fonts, 1.0f, &faces);
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
        return fonts;
    }

    // Draws one frame of text and counts the replacement glyphs in it.
    int replacementsIn(const char* text) {
        ImGui::NewFrame();
        ImGui::Begin("text");
        ImGui::TextUnformatted(text);
        ImGui::End();
        ImGui::Render();
        glyphCoverage().recordFrame(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
        return glyphCoverage().replacementGlyphs();
    }
};

bool has(const ImFont* font, char32_t codePoint) {
    return font->FindGlyphNoFallback(static_cast<ImWchar>(codePoint)) != nullptr;
}

} // namespace

TEST_CASE("script fonts: ImGui ranges are zero-terminated pairs within 16 bits") {
    CHECK(toImGuiRanges({}) == std::vector<ImWchar>{0});
    CHECK(toImGuiRanges({0x5D0, 0x5D1, 0x738B, 0x1F600}) ==
          std::vector<ImWchar>{0x5D0, 0x5D1, 0x738B, 0x738B, 0});
}

TEST_CASE("script fonts: Greek and Cyrillic are always there; other scripts once noted") {
    FontContext context;
    FallbackFaces faces;
    FontSet fonts = context.build(faces);
    CHECK(has(fonts.body, U'Ж'));
    CHECK(has(fonts.heading, U'λ'));
    CHECK(inBaseGlyphRanges(U'Ж'));
    CHECK_FALSE(has(fonts.body, U'王')); // not asked for yet
    (void)faces.takeNewGlyphs();         // whatever other tests in this process noted
    CHECK_FALSE(faces.takeNewGlyphs());  // nothing new since

    noteShownText("王小明 ليلى حداد ליאור नमस्ते \uE9A0 \u4E58"); // U+4E58 noted here first
    REQUIRE(faces.takeNewGlyphs());
    fonts = context.build(faces);
    for (const ImFont* font : {fonts.body, fonts.strong, fonts.heading, fonts.small}) {
        CHECK(has(font, U'王'));
        CHECK(has(font, U'ل'));
        CHECK(has(font, U'א'));
        CHECK(has(font, U'Ж'));
        CHECK(has(font, 0xFFFD)); // the replacement glyph, from a fallback font
        CHECK_FALSE(has(font, 0xE9A0));
        CHECK(font->FallbackChar == 0xFFFD);
    }
    CHECK(faces.unavailable().count(0xE9A0) == 1);
    // A second atlas owner (another window) gets everything noted before it.
    FallbackFaces later;
    CHECK(later.takeNewGlyphs());
    CHECK(has(context.build(later).small, U'ل'));
    // A code point no font has is asked for once, not on every frame.
    noteShownText("\uE9A0 王");
    CHECK_FALSE(faces.takeNewGlyphs());
}

TEST_CASE("script fonts: the replacement count sees exactly the missing characters") {
    FontContext context;
    FallbackFaces faces;
    glyphCoverage().setCountingReplacements(true);
    noteShownText("ليلى");
    (void)faces.takeNewGlyphs();
    context.build(faces);
    CHECK(context.replacementsIn("Anna? Анна ليلى") == 0);
    CHECK(context.replacementsIn("missing \uE9A0 and \uE9A1\uE9A1") == 3);
    CHECK(context.replacementsIn("fine again") == 0);
    glyphCoverage().setCountingReplacements(false);
}
