#include "ui/style/glyph_coverage.h"

#include "core/code_points.h"
#include "core/display_order.h"
#include "ui/style/fonts.h"

namespace knotmap::ui {
namespace {

// A quad whose texture corners are the glyph's: ImDrawList::PrimRectUV
// writes a text glyph as four vertices, top-left first and bottom-right third.
int countQuadsOf(const ImDrawList& list, const ImFontGlyph& glyph) {
    int count = 0;
    const ImVector<ImDrawVert>& vertices = list.VtxBuffer;
    for (int i = 0; i + 2 < vertices.Size; ++i) {
        const ImVec2 topLeft = vertices[i].uv;
        const ImVec2 bottomRight = vertices[i + 2].uv;
        if (topLeft.x == glyph.U0 && topLeft.y == glyph.V0 && bottomRight.x == glyph.U1 &&
            bottomRight.y == glyph.V1) {
            ++count;
            i += 3;
        }
    }
    return count;
}

} // namespace

void GlyphCoverage::noteText(std::string_view utf8) {
    bool allBase = true;
    for (const char byte : utf8) {
        if (static_cast<unsigned char>(byte) >= 0x80) {
            allBase = false;
            break;
        }
    }
    if (allBase) {
        return; // ASCII, by far the most text, is always in the atlas
    }
    for (const char32_t codePoint : codePointsOf(utf8)) {
        noteCodePoint(codePoint);
    }
    if (hasRightToLeft(utf8)) {
        // Drawn through visualOrder, Arabic shows its joined presentation forms.
        for (const char32_t codePoint : codePointsOf(visualOrder(utf8))) {
            noteCodePoint(codePoint);
        }
    }
}

void GlyphCoverage::noteCodePoint(char32_t codePoint) {
    if (inBaseGlyphRanges(codePoint) || codePoint < 0x20) {
        return;
    }
    const std::lock_guard lock(m_mutex);
    if (m_codePoints.insert(codePoint).second) {
        ++m_version;
    }
}

void GlyphCoverage::noteTypedCharacters(const ImGuiIO& io) {
    for (const ImWchar character : io.InputQueueCharacters) {
        noteCodePoint(character);
    }
}

bool GlyphCoverage::takeChange(std::uint64_t& seen, std::set<char32_t>& wanted) {
    const std::lock_guard lock(m_mutex);
    if (m_version == seen) {
        return false;
    }
    seen = m_version;
    wanted = m_codePoints;
    return true;
}

const char* GlyphCoverage::readClipboard(void* userData) {
    GlyphCoverage& coverage = glyphCoverage();
    const char* text =
        coverage.m_clipboardGetter != nullptr ? coverage.m_clipboardGetter(userData) : nullptr;
    if (text != nullptr) {
        coverage.noteText(text);
    }
    return text;
}

void GlyphCoverage::watchClipboard(ImGuiIO& io) {
    if (io.GetClipboardTextFn == &GlyphCoverage::readClipboard) {
        return;
    }
    m_clipboardGetter = io.GetClipboardTextFn;
    io.GetClipboardTextFn = &GlyphCoverage::readClipboard;
}

void GlyphCoverage::setCountingReplacements(bool counting) {
    const std::lock_guard lock(m_mutex);
    m_counting = counting;
}

void GlyphCoverage::recordFrame(const ImDrawData& frame, const ImFontAtlas& atlas) {
    {
        const std::lock_guard lock(m_mutex);
        if (!m_counting) {
            return;
        }
    }
    int count = 0;
    for (const ImFont* font : atlas.Fonts) {
        const ImFontGlyph* fallback = font->FallbackGlyph;
        if (fallback == nullptr || fallback->Visible == 0) {
            continue;
        }
        for (int i = 0; i < frame.CmdListsCount; ++i) {
            count += countQuadsOf(*frame.CmdLists[i], *fallback);
        }
    }
    const std::lock_guard lock(m_mutex);
    m_replacements = count;
}

int GlyphCoverage::replacementGlyphs() const {
    const std::lock_guard lock(m_mutex);
    return m_replacements;
}

GlyphCoverage& glyphCoverage() {
    // Lives as long as the process, as ImGui's font atlas does.
    static GlyphCoverage coverage;
    return coverage;
}

} // namespace knotmap::ui
