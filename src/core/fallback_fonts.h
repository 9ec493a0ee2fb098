#pragma once

#include <memory>
#include <optional>
#include <string>

// Which installed font holds a glyph, asked of fontconfig: the window and
// the PDF report draw in one primary font and take each character it lacks
// (Hebrew, Arabic, Chinese, Devanagari...) from a font Debian installed.
namespace knotmap {

// One face of an installed font file (a collection holds several).
struct FontFace {
    std::string file;
    int index = 0;
    friend bool operator==(const FontFace&, const FontFace&) = default;
};

// What a caller can use: the window's FreeType reads any outline font; the
// PDF library embeds only TrueType-outline (.ttf) files.
enum class FontFormat { AnyOutline, TrueTypeFile };

// Finds, for a code point, the installed sans-serif face (in fontconfig's
// order of preference) that has a glyph for it. Faces found earlier are
// asked first, so one script keeps one font. Not thread-safe: one per user.
class FallbackFonts {
public:
    explicit FallbackFonts(FontFormat format = FontFormat::AnyOutline);
    ~FallbackFonts();
    FallbackFonts(const FallbackFonts&) = delete;
    FallbackFonts& operator=(const FallbackFonts&) = delete;

    // The face, or none when no installed font of the format has the glyph
    // (then the answer is remembered: asking again costs a set lookup).
    [[nodiscard]] std::optional<FontFace> faceFor(char32_t codePoint);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The characters one font file has glyphs for, read once through fontconfig.
class FontCharacters {
public:
    // A file fontconfig cannot read has no characters.
    explicit FontCharacters(const std::string& file, int index = 0);
    ~FontCharacters();
    FontCharacters(const FontCharacters&) = delete;
    FontCharacters& operator=(const FontCharacters&) = delete;

    [[nodiscard]] bool has(char32_t codePoint) const;

private:
    void* m_charset = nullptr; // an FcCharSet, kept out of this header
};

} // namespace knotmap
