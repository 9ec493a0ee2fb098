#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

// Unicode code points of UTF-8 text, and the compact ranges a font atlas or
// a PDF font run is built from. Pure functions: the window's glyph coverage
// (ui/style/glyph_coverage.h) and the report's font runs (report/pdf_font_runs.h)
// both start here.
namespace knotmap {

// U+FFFD, what a malformed byte sequence decodes to.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes one code point starting at text[at] and advances at past it. A
// malformed or truncated sequence, an overlong form or a surrogate decodes as
// U+FFFD and advances by one byte, so decoding always makes progress.
[[nodiscard]] char32_t decodeUtf8(std::string_view text, std::size_t& at);

// Every code point of the text, in order.
[[nodiscard]] std::vector<char32_t> codePointsOf(std::string_view utf8);

// Adds the text's code points to into; returns how many were not there yet.
std::size_t collectCodePoints(std::string_view utf8, std::set<char32_t>& into);

// One inclusive range of code points.
struct CodePointRange {
    char32_t first = 0;
    char32_t last = 0;
    friend bool operator==(const CodePointRange&, const CodePointRange&) = default;
};

// The code points as the fewest inclusive ranges, in ascending order:
// consecutive code points share one range.
[[nodiscard]] std::vector<CodePointRange> toRanges(const std::set<char32_t>& codePoints);

} // namespace knotmap
