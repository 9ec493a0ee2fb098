#include "ui/widgets/wrapped_text_layout.h"

#include "core/code_points.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u3000';
}

// Scripts written without spaces between words: a line may break on either
// side of any of these characters.
bool breaksAnywhere(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool isContinuationByte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

} // namespace

std::size_t previousCodePoint(std::string_view text, std::size_t offset) {
    if (offset == 0) {
        return 0;
    }
    offset = std::min(offset, text.size()) - 1;
    // A lead byte starts at most three continuation bytes back.
    for (int back = 0; back < 3 && offset > 0 && isContinuationByte(text[offset]); ++back) {
        --offset;
    }
    return offset;
}

std::size_t nextCodePoint(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return text.size();
    }
    std::size_t at = offset;
    (void)decodeUtf8(text, at);
    return at;
}

WrappedTextLayout::WrappedTextLayout(std::string_view text, float wrapWidth, GlyphWidth width)
    : m_text(text), m_wrapWidth(wrapWidth), m_width(std::move(width)) {
    std::size_t begin = 0;
    while (true) {
        const std::size_t newline = m_text.find('\n', begin);
        const std::size_t end = newline == std::string_view::npos ? m_text.size() : newline;
        wrapParagraph(begin, end);
        if (newline == std::string_view::npos) {
            break;
        }
        begin = newline + 1;
    }
}

void WrappedTextLayout::wrapParagraph(std::size_t begin, std::size_t end) {
    std::size_t lineStart = begin;
    std::size_t breakAt = kNone; // where the next line would start at the last chance to break
    float x = 0;
    for (std::size_t at = begin; at < end;) {
        std::size_t next = at;
        const char32_t c = decodeUtf8(m_text, next);
        const float advance = m_width(c);
        if (isSpace(c)) {
            x += advance; // spaces hang past the edge
            at = next;
            breakAt = at;
            continue;
        }
        if (breaksAnywhere(c) && at > lineStart) {
            breakAt = at;
        }
        if (x + advance > m_wrapWidth && at > lineStart) {
            const std::size_t cut = breakAt != kNone && breakAt > lineStart ? breakAt : at;
            m_lines.push_back({lineStart, cut, false});
            lineStart = cut;
            breakAt = kNone;
            x = widthOf(cut, at);
        }
        x += advance;
        at = next;
        if (breaksAnywhere(c)) {
            breakAt = at;
        }
    }
    m_lines.push_back({lineStart, end, true});
}

float WrappedTextLayout::widthOf(std::size_t begin, std::size_t end) const {
    float width = 0;
    for (std::size_t at = begin; at < end;) {
        width += m_width(decodeUtf8(m_text, at));
    }
    return width;
}

std::size_t WrappedTextLayout::lineOf(CaretPlace caret) const {
    // The last line starting at or before the offset.
    const auto after = std::upper_bound(
        m_lines.begin(), m_lines.end(), caret.offset,
        [](std::size_t offset, const VisualLine& line) { return offset < line.begin; });
    std::size_t line =
        after == m_lines.begin() ? 0 : static_cast<std::size_t>(after - m_lines.begin()) - 1;
    if (caret.trailing && line > 0 && caret.offset == m_lines[line].begin &&
        !m_lines[line - 1].endsParagraph) {
        --line;
    }
    return line;
}

float WrappedTextLayout::xOf(CaretPlace caret) const {
    return xInLine(lineOf(caret), caret.offset);
}

float WrappedTextLayout::xInLine(std::size_t line, std::size_t offset) const {
    const VisualLine& shown = m_lines[line];
    return widthOf(shown.begin, std::clamp(offset, shown.begin, shown.end));
}

CaretPlace WrappedTextLayout::caretAt(std::size_t lineIndex, float x) const {
    const VisualLine& line = m_lines[std::min(lineIndex, m_lines.size() - 1)];
    float left = 0;
    for (std::size_t at = line.begin; at < line.end;) {
        std::size_t next = at;
        const float advance = m_width(decodeUtf8(m_text, next));
        if (x < left + advance / 2) {
            return {at, false};
        }
        left += advance;
        at = next;
    }
    return {line.end, !line.endsParagraph};
}

float WrappedTextLayout::lineWidth(std::size_t line) const {
    return widthOf(m_lines[line].begin, m_lines[line].end);
}

} // namespace knotmap::ui
