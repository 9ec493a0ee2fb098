#include "report/pdf_document.h"

#include "core/code_points.h"
#include "core/display_order.h"

#include <algorithm>
#include <cstdio>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <stdexcept>

namespace knotmap::report {
namespace {

// Inter, the app's font, ships in Debian only as CFF-flavoured OpenType,
// which libharu 2.3 cannot embed; a TrueType Inter is used if one is ever
// installed, else DejaVu Sans (TrueType, wide Unicode coverage), else the
// standard Helvetica, which cannot show most non-ASCII names.
struct FontFiles {
    const char* family;
    const char* regular;
    const char* bold;
};
constexpr FontFiles kFontCandidates[] = {
    {"Inter", "/usr/share/fonts/truetype/inter/Inter-Regular.ttf",
     "/usr/share/fonts/truetype/inter/Inter-SemiBold.ttf"},
    {"DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
};

bool readable(const char* path) {
    if (std::FILE* file = std::fopen(path, "rb")) {
        std::fclose(file);
        return true;
    }
    return false;
}

// Replaces a few typographic characters the report uses by ASCII, and any
// other non-ASCII character by '?', for the WinAnsi Helvetica fallback.
std::string toAscii(std::string_view utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out += utf8[i++];
            continue;
        }
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        const std::string_view character = utf8.substr(i, length);
        if (character == "\u2212" || character == "\u2013" || character == "\u2014") {
            out += '-';
        } else if (character == "\u2026") {
            out += "...";
        } else if (character == "\u00b7" || character == "\u2022") {
            out += '|';
        } else {
            out += '?';
        }
        i += length;
    }
    return out;
}

// libharu 2.4 embeds only the glyphs drawn, but misses the parts of some
// composite glyphs (Droid Sans Fallback builds many Han characters from
// pieces: 明 and 紧 came out blank). A fallback font is therefore embedded
// whole: a larger file, every character drawn.
void keepEveryGlyph(HPDF_FontDef definition) {
    if (definition == nullptr || definition->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
        return;
    }
    auto* attributes = static_cast<HPDF_TTFontDefAttr>(definition->attr);
    if (attributes->glyph_tbl.flgs != nullptr) {
        std::fill_n(attributes->glyph_tbl.flgs, attributes->num_glyphs, HPDF_BYTE{1});
    }
}

} // namespace

PdfDocument::PdfDocument() {
    m_doc = HPDF_New(&PdfDocument::onError, this);
    if (m_doc == nullptr) {
        throw std::runtime_error("cannot create a PDF document (out of memory?)");
    }
    HPDF_SetCompressionMode(m_doc, HPDF_COMP_ALL);
    loadFonts();
    check("loading the fonts");
}

PdfDocument::~PdfDocument() {
    HPDF_Free(m_doc);
}

void PdfDocument::onError(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    auto* document = static_cast<PdfDocument*>(self);
    if (document->m_error == HPDF_OK) {
        document->m_error = error;
        document->m_errorDetail = detail;
    }
}

void PdfDocument::loadFonts() {
    for (const FontFiles& files : kFontCandidates) {
        if (!readable(files.regular) || !readable(files.bold)) {
            continue;
        }
        HPDF_UseUTFEncodings(m_doc);
        HPDF_SetCurrentEncoder(m_doc, "UTF-8");
        const char* regular = HPDF_LoadTTFontFromFile(m_doc, files.regular, HPDF_TRUE);
        const char* bold = HPDF_LoadTTFontFromFile(m_doc, files.bold, HPDF_TRUE);
        if (regular != nullptr && bold != nullptr) {
            m_regular = HPDF_GetFont(m_doc, regular, "UTF-8");
            m_bold = HPDF_GetFont(m_doc, bold, "UTF-8");
            m_unicode = true;
            m_fontFamily = files.family;
            m_regularCharacters = std::make_unique<FontCharacters>(files.regular);
            m_boldCharacters = std::make_unique<FontCharacters>(files.bold);
            return;
        }
        HPDF_ResetError(m_doc);
        m_error = HPDF_OK;
    }
    m_regular = HPDF_GetFont(m_doc, "Helvetica", "WinAnsiEncoding");
    m_bold = HPDF_GetFont(m_doc, "Helvetica-Bold", "WinAnsiEncoding");
    m_fontFamily = "Helvetica (no embeddable Unicode font found)";
}

void PdfDocument::setInfo(const std::string& title, const std::string& author,
                          const std::string& subject) {
    // Info strings take the document's current encoder: UTF-8 when it is set.
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_TITLE, encode(title).c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_AUTHOR, encode(author).c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_SUBJECT, encode(subject).c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_CREATOR, "Knotmap");
}

HPDF_Page PdfDocument::addPage(double width, double height) {
    HPDF_Page page = HPDF_AddPage(m_doc);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
    check("adding a page");
    return page;
}

HPDF_Font PdfDocument::font(FontStyle style) const {
    return style == FontStyle::Bold ? m_bold : m_regular;
}

HPDF_Font PdfDocument::fallbackFont(const std::string& file) const {
    const auto found = m_fallbackFonts.find(file);
    if (found != m_fallbackFonts.end()) {
        return found->second;
    }
    HPDF_Font loaded = nullptr;
    if (const char* name = HPDF_LoadTTFontFromFile(m_doc, file.c_str(), HPDF_TRUE)) {
        keepEveryGlyph(HPDF_GetFontDef(m_doc, name));
        loaded = HPDF_GetFont(m_doc, name, "UTF-8");
    }
    if (loaded == nullptr) {
        // A font libharu cannot read is no error of the report's: those
        // characters keep the report font's missing glyph.
        HPDF_ResetError(m_doc);
        m_error = HPDF_OK;
    }
    m_fallbackFonts.emplace(file, loaded);
    return loaded;
}

std::vector<PdfDocument::FontRun> PdfDocument::fontRuns(std::string_view utf8,
                                                        FontStyle style) const {
    if (!m_unicode) {
        return {{font(style), toAscii(utf8)}};
    }
    const FontCharacters& own = style == FontStyle::Bold ? *m_boldCharacters : *m_regularCharacters;
    std::vector<HPDF_Font> fonts{font(style)};
    const auto fontFor = [&](char32_t codePoint) {
        if (codePoint < 0x80 || own.has(codePoint)) {
            return 0;
        }
        const std::optional<FontFace> face = m_fallbackFinder.faceFor(codePoint);
        const HPDF_Font fallback = face ? fallbackFont(face->file) : nullptr;
        if (fallback == nullptr) {
            return 0;
        }
        const auto slot = std::find(fonts.begin(), fonts.end(), fallback);
        if (slot != fonts.end()) {
            return static_cast<int>(slot - fonts.begin());
        }
        fonts.push_back(fallback);
        return static_cast<int>(fonts.size() - 1);
    };
    // libharu draws code points left to right: Hebrew and Arabic are put in
    // visual order, Arabic letters joined, before they are cut into runs.
    const std::string shown = visualOrder(utf8);
    std::vector<FontRun> runs;
    for (const TextRun& run : splitByFont(shown, fontFor)) {
        runs.push_back({fonts[static_cast<std::size_t>(run.font)], std::string(run.text)});
    }
    return runs;
}

std::vector<std::string> PdfDocument::fallbackFiles() const {
    std::vector<std::string> files;
    for (const auto& [file, loaded] : m_fallbackFonts) {
        if (loaded != nullptr) {
            files.push_back(file);
        }
    }
    return files;
}

double PdfDocument::textWidth(std::string_view text, FontStyle style, double size) const {
    double width = 0.0;
    for (const FontRun& run : fontRuns(text, style)) {
        if (run.encoded.empty()) {
            continue;
        }
        const HPDF_TextWidth runWidth =
            HPDF_Font_TextWidth(run.font, reinterpret_cast<const HPDF_BYTE*>(run.encoded.data()),
                                static_cast<HPDF_UINT>(run.encoded.size()));
        width += runWidth.width * size / 1000.0;
    }
    return width;
}

std::string PdfDocument::encode(std::string_view utf8) const {
    return m_unicode ? std::string(utf8) : toAscii(utf8);
}

std::string PdfDocument::bytes() {
    check("drawing the report");
    if (HPDF_SaveToStream(m_doc) != HPDF_OK) {
        check("saving the report");
        throw std::runtime_error("the PDF library could not save the report");
    }
    std::string pdf(HPDF_GetStreamSize(m_doc), '\0');
    std::size_t filled = 0;
    // HPDF_ReadFromStream says HPDF_STREAM_EOF with the last bytes it read.
    for (;;) {
        auto size = static_cast<HPDF_UINT32>(pdf.size() - filled);
        if (size == 0) {
            pdf.resize(filled + 65536); // the stream was larger than it said
            size = 65536;
        }
        const HPDF_STATUS status =
            HPDF_ReadFromStream(m_doc, reinterpret_cast<HPDF_BYTE*>(pdf.data() + filled), &size);
        filled += size;
        if (status == HPDF_STREAM_EOF) {
            break;
        }
        if (status != HPDF_OK) {
            check("reading the saved report");
            throw std::runtime_error("the PDF library could not read back the report");
        }
    }
    pdf.resize(filled);
    // The error handler heard of the end of the stream too: that was no error.
    HPDF_ResetError(m_doc);
    m_error = HPDF_OK;
    return pdf;
}

void PdfDocument::check(std::string_view doing) const {
    if (m_error != HPDF_OK) {
        char code[64];
        std::snprintf(code, sizeof code, "0x%04X, detail %u", static_cast<unsigned>(m_error),
                      static_cast<unsigned>(m_errorDetail));
        throw std::runtime_error("PDF library error while " + std::string(doing) + " (" + code +
                                 ")");
    }
}

} // namespace knotmap::report
