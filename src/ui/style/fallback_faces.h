#pragma once

#include "core/fallback_fonts.h"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap::ui {

// The installed fonts merged into each of the window's Inter fonts for the
// code points Inter lacks (ui/style/glyph_coverage.h collects them). Owned by the
// window for its lifetime: the font files are read once, and the atlas keeps
// pointers to the bytes and ranges held here until it is rebuilt.
class FallbackFaces {
public:
    FallbackFaces();

    // Takes the code points noted since the last call; true when the
    // fonts must be rebuilt to hold them.
    bool takeNewGlyphs();

    // One installed face to merge, with the code points taken from it.
    struct Merge {
        std::string_view bytes;
        int index = 0;
        const ImWchar* ranges = nullptr; // zero-terminated pairs
        std::string name;
    };
    // Works out the merges for the code points wanted so far. The views
    // returned stay valid until the next call to plan().
    struct Plan {
        const ImWchar* interRanges = nullptr; // the base ranges and every wanted code point
        std::vector<Merge> merges;
    };
    [[nodiscard]] Plan plan();

    // Code points wanted that no installed font has (or beyond U+FFFF,
    // which ImGui 1.86's 16-bit characters cannot hold).
    [[nodiscard]] const std::set<char32_t>& unavailable() const { return m_unavailable; }

private:
    std::string_view fileBytes(const std::string& path);

    FallbackFonts m_finder;
    std::set<char32_t> m_wanted;
    std::uint64_t m_seenVersion = 0; // of glyphCoverage()'s set
    std::set<char32_t> m_unavailable;
    std::map<std::string, std::string> m_files; // font file bytes by path, read once
    std::vector<ImWchar> m_interRanges;
    std::vector<std::vector<ImWchar>> m_mergeRanges;
};

// Zero-terminated ImGui glyph ranges for the code points (those above U+FFFF
// are left out: ImWchar is 16 bits in Debian's ImGui).
[[nodiscard]] std::vector<ImWchar> toImGuiRanges(const std::set<char32_t>& codePoints);

} // namespace knotmap::ui
