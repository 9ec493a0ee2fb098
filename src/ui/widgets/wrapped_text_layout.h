#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

// Where UTF-8 text breaks into visual lines inside a box of a given width,
// and where a caret at a byte offset sits on screen: the geometry of the
// wrapping text field (ui/widgets/wrapped_text_input.h), kept free of ImGui so it
// can be tested on its own. Widths come from the caller, one code point at
// a time (the widget asks its font), in any unit.
namespace knotmap::ui {

// The advance of one code point.
using GlyphWidth = std::function<float(char32_t)>;

// One visual line: bytes [begin, end) of the text. A line that ends a
// paragraph (the text's end or an explicit '\n', which is in no line) has
// endsParagraph set; a soft-wrapped line ends where the next one begins.
struct VisualLine {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool endsParagraph = true;
};

// A caret: a byte offset between two code points. At a soft wrap the same
// offset is both the end of one line and the start of the next; trailing
// says the caret shows at the end of the earlier line (after End, or a
// click right of a wrapped line).
struct CaretPlace {
    std::size_t offset = 0;
    bool trailing = false;
    friend bool operator==(const CaretPlace&, const CaretPlace&) = default;
};

class WrappedTextLayout {
public:
    // Breaks after spaces; a word wider than the box breaks between code
    // points; CJK ideographs and kana may break anywhere. Spaces at a wrap
    // hang past the edge rather than start the next line. The text must
    // outlive the layout, unchanged.
    WrappedTextLayout(std::string_view text, float wrapWidth, GlyphWidth width);

    [[nodiscard]] const std::vector<VisualLine>& lines() const { return m_lines; }
    [[nodiscard]] std::size_t lineCount() const { return m_lines.size(); }
    [[nodiscard]] std::string_view text() const { return m_text; }

    // The visual line a caret shows on.
    [[nodiscard]] std::size_t lineOf(CaretPlace caret) const;
    // The caret's distance from its line's left edge.
    [[nodiscard]] float xOf(CaretPlace caret) const;
    // The caret stop nearest to x on a line (clamped to the line's ends).
    [[nodiscard]] CaretPlace caretAt(std::size_t line, float x) const;
    // The width of a line's text, hanging spaces included.
    [[nodiscard]] float lineWidth(std::size_t line) const;
    // The distance from a line's left edge to offset, clamped to the line.
    [[nodiscard]] float xInLine(std::size_t line, std::size_t offset) const;

private:
    void wrapParagraph(std::size_t begin, std::size_t end);
    [[nodiscard]] float widthOf(std::size_t begin, std::size_t end) const;

    std::string_view m_text;
    float m_wrapWidth;
    GlyphWidth m_width;
    std::vector<VisualLine> m_lines;
};

// The byte offset of the code point before / after offset (0 and the text's
// size at the ends); continuation bytes are never a stop.
[[nodiscard]] std::size_t previousCodePoint(std::string_view text, std::size_t offset);
[[nodiscard]] std::size_t nextCodePoint(std::string_view text, std::size_t offset);

} // namespace knotmap::ui
