#include "ui/widgets/wrapped_text_layout.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using knotmap::ui::CaretPlace;
using knotmap::ui::WrappedTextLayout;

namespace {

// Every code point one unit wide: widths read as character counts.
float oneEach(char32_t) {
    return 1.0f;
}

// The text of each visual line.
std::vector<std::string> shownLines(const WrappedTextLayout& layout) {
    std::vector<std::string> lines;
    for (const auto& line : layout.lines()) {
        lines.emplace_back(layout.text().substr(line.begin, line.end - line.begin));
    }
    return lines;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("words wrap after the last space that fits, spaces hang at the edge") {
    const std::string text = "the quick brown fox jumps";
    const WrappedTextLayout layout(text, 10, oneEach);
    CHECK(shownLines(layout) == Lines{"the quick ", "brown fox ", "jumps"});
    CHECK_FALSE(layout.lines()[0].endsParagraph);
    CHECK(layout.lines()[2].endsParagraph);
    // A line exactly as wide as the box stays whole.
    CHECK(shownLines(WrappedTextLayout("abcde fghij", 5, oneEach)) == Lines{"abcde ", "fghij"});
}

TEST_CASE("a word wider than the box breaks between characters") {
    const std::string text = "ok supercalifragilistic end";
    CHECK(shownLines(WrappedTextLayout(text, 8, oneEach)) ==
          Lines{"ok ", "supercal", "ifragili", "stic end"});
    // Even a box narrower than one character shows one per line, never none.
    CHECK(shownLines(WrappedTextLayout("abc", 0.5f, oneEach)) == Lines{"a", "b", "c"});
}

TEST_CASE("explicit new lines end paragraphs, empty lines and a trailing new line count") {
    const std::string text = "first\n\nthird line here\n";
    const WrappedTextLayout layout(text, 6, oneEach);
    CHECK(shownLines(layout) == Lines{"first", "", "third ", "line ", "here", ""});
    CHECK(layout.lines()[0].endsParagraph);
    CHECK(layout.lines()[1].endsParagraph);
    CHECK_FALSE(layout.lines()[2].endsParagraph);
    CHECK(layout.lines()[5].begin == text.size());
    CHECK(WrappedTextLayout("", 10, oneEach).lineCount() == 1);
}

TEST_CASE("multi-byte UTF-8 wraps by characters, not bytes") {
    // Cyrillic: two bytes a letter; the box holds eight letters.
    const std::string cyrillic = "боль в шее и плече";
    CHECK(shownLines(WrappedTextLayout(cyrillic, 8, oneEach)) ==
          Lines{"боль в ", "шее и ", "плече"});
    // CJK has no spaces: it may break between any two ideographs, and a
    // Latin word before it is not dragged along.
    const std::string cjk = "ok 肩こりがひどい";
    CHECK(shownLines(WrappedTextLayout(cjk, 5, oneEach)) == Lines{"ok 肩こ", "りがひどい"});
    // Widths come from the caller: wide ideographs take two units here.
    const auto wide = [](char32_t c) {
        return c >= 0x2E80 ? 2.0f : 1.0f;
    };
    CHECK(shownLines(WrappedTextLayout("肩こりがひどい", 5, wide)) ==
          Lines{"肩こ", "りが", "ひど", "い"});
}

TEST_CASE("a caret offset maps to its line and x, and x back to the nearest offset") {
    const std::string text = "the quick brown fox";
    const WrappedTextLayout layout(text, 10, oneEach); // "the quick ", "brown fox"
    CHECK(layout.lineOf({0, false}) == 0);
    CHECK(layout.xOf({4, false}) == 4);
    // The wrap offset starts the next line, unless the caret trails the first.
    CHECK(layout.lineOf({10, false}) == 1);
    CHECK(layout.xOf({10, false}) == 0);
    CHECK(layout.lineOf({10, true}) == 0);
    CHECK(layout.xOf({10, true}) == 10);
    CHECK(layout.lineOf({text.size(), false}) == 1);
    // x to offset: the nearer side of a character, clamped to the line.
    CHECK(layout.caretAt(1, 2.4f) == CaretPlace{12, false});
    CHECK(layout.caretAt(1, 2.6f) == CaretPlace{13, false});
    CHECK(layout.caretAt(1, -5) == CaretPlace{10, false});
    CHECK(layout.caretAt(1, 50) == CaretPlace{text.size(), false});
    // Past a wrapped line's end: the caret trails it, it does not jump down.
    CHECK(layout.caretAt(0, 50) == CaretPlace{10, true});
}

TEST_CASE("x of a multi-byte caret counts characters") {
    const std::string text = "шея болит";
    const WrappedTextLayout layout(text, 100, oneEach);
    CHECK(layout.xOf({6, false}) == 3); // after "шея": six bytes, three letters
    CHECK(layout.caretAt(0, 3.2f) == CaretPlace{6, false});
    CHECK(knotmap::ui::nextCodePoint(text, 0) == 2);
    CHECK(knotmap::ui::previousCodePoint(text, 6) == 4);
    CHECK(knotmap::ui::previousCodePoint(text, 5) == 4); // from inside a character
}
