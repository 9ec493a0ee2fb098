#pragma once

#include <hpdf.h>
#include <string>
#include <string_view>

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
    // The width of text in points at size, from the font's own metrics.
    [[nodiscard]] double textWidth(std::string_view text, FontStyle style, double size) const;
    // Text as the loaded font expects it: UTF-8 for an embedded Unicode font;
    // for the Helvetica fallback, characters outside ASCII become close ASCII
    // stand-ins or '?'.
    [[nodiscard]] std::string encode(std::string_view utf8) const;
    [[nodiscard]] std::string_view ellipsis() const { return m_unicode ? "\u2026" : "..."; }
    // Which font family was embedded, for the user to be told.
    [[nodiscard]] const std::string& fontFamily() const { return m_fontFamily; }

    // The whole PDF file, made in memory: libharu's own file writing cannot
    // choose the file's mode, nor be checked write by write, so the caller
    // writes these bytes (core/output_file.h). Throws std::runtime_error.
    [[nodiscard]] std::string bytes();
    // Throws std::runtime_error if libharu reported an error so far.
    void check(std::string_view doing) const;

private:
    static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self);
    void loadFonts();

    HPDF_Doc m_doc = nullptr;
    HPDF_Font m_regular = nullptr;
    HPDF_Font m_bold = nullptr;
    bool m_unicode = false;
    std::string m_fontFamily;
    HPDF_STATUS m_error = HPDF_OK;
    HPDF_STATUS m_errorDetail = HPDF_OK;
};

} // namespace knotmap::report
