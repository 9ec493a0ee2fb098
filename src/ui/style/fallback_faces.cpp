#include "ui/style/fallback_faces.h"

#include "core/code_points.h"
#include "ui/style/fonts.h"
#include "ui/style/glyph_coverage.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace knotmap::ui {

std::vector<ImWchar> toImGuiRanges(const std::set<char32_t>& codePoints) {
    std::vector<ImWchar> ranges;
    for (const CodePointRange& range : toRanges(codePoints)) {
        if (range.first > 0xFFFF) {
            break;
        }
        ranges.push_back(static_cast<ImWchar>(range.first));
        ranges.push_back(static_cast<ImWchar>(std::min<char32_t>(range.last, 0xFFFF)));
    }
    ranges.push_back(0);
    return ranges;
}

FallbackFaces::FallbackFaces() {
    // Inter has no U+FFFD: taken from a fallback font, it becomes each
    // font's replacement glyph, distinct from a real question mark.
    m_wanted.insert(kReplacementCharacter);
}

bool FallbackFaces::takeNewGlyphs() {
    std::set<char32_t> noted;
    if (!glyphCoverage().takeChange(m_seenVersion, noted)) {
        return false;
    }
    bool grew = false;
    for (const char32_t codePoint : noted) {
        grew = m_wanted.insert(codePoint).second || grew;
    }
    return grew;
}

std::string_view FallbackFaces::fileBytes(const std::string& path) {
    const auto found = m_files.find(path);
    if (found != m_files.end()) {
        return found->second;
    }
    std::ifstream file(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return m_files.emplace(path, std::move(bytes)).first->second;
}

FallbackFaces::Plan FallbackFaces::plan() {
    std::vector<std::pair<FontFace, std::set<char32_t>>> byFace;
    m_unavailable.clear();
    for (const char32_t codePoint : m_wanted) {
        const std::optional<FontFace> face =
            codePoint <= 0xFFFF ? m_finder.faceFor(codePoint) : std::nullopt;
        if (!face) {
            m_unavailable.insert(codePoint);
            continue;
        }
        auto slot = std::find_if(byFace.begin(), byFace.end(),
                                 [&](const auto& entry) { return entry.first == *face; });
        if (slot == byFace.end()) {
            byFace.emplace_back(*face, std::set<char32_t>{});
            slot = std::prev(byFace.end());
        }
        slot->second.insert(codePoint);
    }

    std::set<char32_t> interCodePoints = baseGlyphCodePoints();
    interCodePoints.insert(m_wanted.begin(), m_wanted.end());
    m_interRanges = toImGuiRanges(interCodePoints);
    m_mergeRanges.clear();
    m_mergeRanges.reserve(byFace.size()); // the pointers handed out must not move

    Plan result;
    result.interRanges = m_interRanges.data();
    for (const auto& [face, codePoints] : byFace) {
        const std::string_view bytes = fileBytes(face.file);
        if (bytes.empty()) {
            continue; // unreadable: those characters stay replacement glyphs
        }
        m_mergeRanges.push_back(toImGuiRanges(codePoints));
        const std::size_t slash = face.file.find_last_of('/');
        result.merges.push_back({bytes, face.index, m_mergeRanges.back().data(),
                                 face.file.substr(slash == std::string::npos ? 0 : slash + 1)});
    }
    return result;
}

} // namespace knotmap::ui
