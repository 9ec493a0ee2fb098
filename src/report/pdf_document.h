#pragma once

#include "core/fallback_fonts.h"
#include "report/pdf_text_runs.h"

#include <hpdf.h>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// A libharu document with the report's two fonts loaded, owned RAII-style.
// libharu reports errors through a C callback; they are recorded and turned
// into an exception by check(), never thrown through libharu's C frames.
namespace knotmap::report {

enum class FontStyle { Regular, Bold };

class PdfDocument {
public:
    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    void setInfo(const std::string& title, const std::string& author, const std::string& subject);
    // A new page of the given size in points, added at the end.
    [[nodiscard]] HPDF_Page addPage(double width, double height);

    [[nodiscard]] HPDF_Font font(FontStyle style) const;
    // One piece of text in one font, encoded as that font expects it.
    struct FontRun {
        HPDF_Font font = nullptr;
        std::string encoded;
    };
    // The text in runs: the report's font draws what it has, and each
    // character it lacks (Chinese, say) comes from an installed TrueType font
    // that has it, embedded the first time it is needed. A character no
    // installed font has stays in the report's font (its missing glyph).
    [[nodiscard]] std::vector<FontRun> fontRuns(std::string_view utf8, FontStyle style) const;
    // The width of text in points at size, from the fonts' own metrics.
    [[nodiscard]] double textWidth(std::string_view text, FontStyle style, double size) const;
    // Text as the loaded font expects it: UTF-8 for an embedded Unicode font;
    // for the Helvetica fallback, characters outside ASCII become close ASCII
    // stand-ins or '?'.
    [[nodiscard]] std::string encode(std::string_view utf8) const;
    [[nodiscard]] std::string_view ellipsis() const { return m_unicode ? "\u2026" : "..."; }
    // Which font family was embedded, for the user to be told.
    [[nodiscard]] const std::string& fontFamily() const { return m_fontFamily; }
    // The installed fonts embedded for characters the report's font lacks.
    [[nodiscard]] std::vector<std::string> fallbackFiles() const;

    // The whole PDF file, made in memory: libharu's own file writing cannot
    // choose the file's mode, nor be checked write by write, so the caller
    // writes these bytes (core/output_file.h). Throws std::runtime_error.
    [[nodiscard]] std::string bytes();
    // Throws std::runtime_error if libharu reported an error so far.
    void check(std::string_view doing) const;

private:
    static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self);
    void loadFonts();
    // The embedded font for an installed file, loaded on first use; null if
    // libharu cannot load it.
    [[nodiscard]] HPDF_Font fallbackFont(const std::string& file) const;

    HPDF_Doc m_doc = nullptr;
    HPDF_Font m_regular = nullptr;
    HPDF_Font m_bold = nullptr;
    bool m_unicode = false;
    std::string m_fontFamily;
    // What the report's own fonts have, and the fonts found for the rest:
    // caches filled as text is measured and drawn, hence mutable.
    std::unique_ptr<FontCharacters> m_regularCharacters;
    std::unique_ptr<FontCharacters> m_boldCharacters;
    mutable FallbackFonts m_fallbackFinder{FontFormat::TrueTypeFile};
    mutable std::map<std::string, HPDF_Font> m_fallbackFonts; // null: failed to load
    mutable HPDF_STATUS m_error = HPDF_OK; // mutable: a failed fallback font is forgiven
    HPDF_STATUS m_errorDetail = HPDF_OK;
};

} // namespace knotmap::report
