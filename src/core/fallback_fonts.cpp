#include "core/fallback_fonts.h"

#include <fontconfig/fontconfig.h>
#include <set>
#include <string_view>
#include <vector>

namespace knotmap {
namespace {

struct FoundFace {
    FontFace face;
    FcCharSet* charset = nullptr; // owned
};

bool endsWith(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// libharu embeds TrueType outlines from a single-font file only.
bool usable(FcPattern* font, FontFormat format, std::string_view file) {
    FcBool outline = FcFalse;
    if (FcPatternGetBool(font, FC_OUTLINE, 0, &outline) == FcResultMatch && outline == FcFalse) {
        return false; // a bitmap font cannot be drawn at any size
    }
    FcBool colour = FcFalse;
    if (FcPatternGetBool(font, FC_COLOR, 0, &colour) == FcResultMatch && colour == FcTrue) {
        return false; // colour emoji are bitmaps in a table FreeType's builder skips
    }
    FcChar8* fontFormat = nullptr;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &fontFormat) != FcResultMatch) {
        return false;
    }
    const std::string_view kind(reinterpret_cast<const char*>(fontFormat));
    if (format == FontFormat::AnyOutline) {
        return kind == "TrueType" || kind == "CFF"; // OpenType; not Type 1 or PCF
    }
    return kind == "TrueType" && (endsWith(file, ".ttf") || endsWith(file, ".TTF"));
}

} // namespace

struct FallbackFonts::State {
    FontFormat format;
    std::vector<FoundFace> faces;
    std::set<char32_t> missing;

    ~State() {
        for (FoundFace& found : faces) {
            FcCharSetDestroy(found.charset);
        }
    }

    std::optional<FontFace> search(char32_t codePoint) {
        FcPattern* pattern = FcPatternCreate();
        FcCharSet* wanted = FcCharSetCreate();
        FcCharSetAddChar(wanted, codePoint);
        FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
        FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
        FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcFontSet* sorted = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
        std::optional<FontFace> chosen;
        for (int i = 0; sorted != nullptr && i < sorted->nfont && !chosen; ++i) {
            FcPattern* font = sorted->fonts[i];
            FcCharSet* charset = nullptr;
            FcChar8* file = nullptr;
            int index = 0;
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
                FcCharSetHasChar(charset, codePoint) == FcFalse ||
                FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) {
                continue;
            }
            FcPatternGetInteger(font, FC_INDEX, 0, &index);
            const std::string path(reinterpret_cast<const char*>(file));
            if (!usable(font, format, path) || (format == FontFormat::TrueTypeFile && index != 0)) {
                continue;
            }
            chosen = FontFace{path, index};
            faces.push_back({*chosen, FcCharSetCopy(charset)});
        }
        if (sorted != nullptr) {
            FcFontSetDestroy(sorted);
        }
        FcCharSetDestroy(wanted);
        FcPatternDestroy(pattern);
        return chosen;
    }
};

FallbackFonts::FallbackFonts(FontFormat format) : m_state(std::make_unique<State>()) {
    m_state->format = format;
    FcInit(); // idempotent: loads the system's configuration once per process
}

FallbackFonts::~FallbackFonts() = default;

std::optional<FontFace> FallbackFonts::faceFor(char32_t codePoint) {
    for (const FoundFace& found : m_state->faces) {
        if (FcCharSetHasChar(found.charset, codePoint) == FcTrue) {
            return found.face;
        }
    }
    if (m_state->missing.count(codePoint) != 0) {
        return std::nullopt;
    }
    std::optional<FontFace> face = m_state->search(codePoint);
    if (!face) {
        m_state->missing.insert(codePoint);
    }
    return face;
}

FontCharacters::FontCharacters(const std::string& file, int index) {
    FcInit();
    int count = 0;
    FcPattern* query =
        FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), index, nullptr, &count);
    if (query == nullptr) {
        return;
    }
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(query, FC_CHARSET, 0, &charset) == FcResultMatch) {
        m_charset = FcCharSetCopy(charset);
    }
    FcPatternDestroy(query);
}

FontCharacters::~FontCharacters() {
    if (m_charset != nullptr) {
        FcCharSetDestroy(static_cast<FcCharSet*>(m_charset));
    }
}

bool FontCharacters::has(char32_t codePoint) const {
    return m_charset != nullptr &&
           FcCharSetHasChar(static_cast<FcCharSet*>(m_charset), codePoint) == FcTrue;
}

} // namespace knotmap
