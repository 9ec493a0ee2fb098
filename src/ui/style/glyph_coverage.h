#pragma once

#include <imgui.h>

#include <cstdint>
#include <mutex>
#include <set>
#include <string_view>

namespace knotmap::ui {

// The code points beyond the fonts' base ranges (ui/style/fonts.h) that the
// window has been given to show: names, notes and vocabulary labels as the
// view models load them, characters typed and text pasted. ImGui 1.86 bakes
// a static font atlas, so the window rebuilds it between frames when this
// set grows (app/main_window.cpp). Code points only ever join the set: one
// that no installed font has is asked for once, never again.
//
// One per process, like ImGui's own font atlas (ImGui::GetIO().Fonts), and
// thread-safe: history views load their data on worker threads.
class GlyphCoverage {
public:
    // Notes every code point of UTF-8 text the window will show.
    void noteText(std::string_view utf8);
    void noteCodePoint(char32_t codePoint);
    // The characters typed since the last frame (call before NewFrame).
    void noteTypedCharacters(const ImGuiIO& io);

    // When code points were noted since the caller last looked (seen holds
    // the set's version it saw; 0 at first): copies the whole set into
    // wanted, updates seen and returns true; else leaves both alone. Each
    // atlas owner keeps its own seen, so a second window gets every code
    // point noted before it opened.
    bool takeChange(std::uint64_t& seen, std::set<char32_t>& wanted);

    // Pasted text is noted as ImGui reads the clipboard: wraps io's getter
    // (call once, after the platform backend set it up).
    void watchClipboard(ImGuiIO& io);

    // For tests (--test-report): counts, in each rendered frame, the glyphs
    // drawn as the font's replacement glyph (a character the atlas lacks).
    void setCountingReplacements(bool counting);
    void recordFrame(const ImDrawData& frame, const ImFontAtlas& atlas);
    [[nodiscard]] int replacementGlyphs() const;

private:
    static const char* readClipboard(void* userData);

    mutable std::mutex m_mutex;
    std::set<char32_t> m_codePoints;
    std::uint64_t m_version = 0; // counts the code points added
    const char* (*m_clipboardGetter)(void*) = nullptr;
    bool m_counting = false;
    int m_replacements = 0;
};

// The process's one coverage set.
[[nodiscard]] GlyphCoverage& glyphCoverage();

// Shorthand for the view models' load points.
inline void noteShownText(std::string_view utf8) {
    glyphCoverage().noteText(utf8);
}

} // namespace knotmap::ui
