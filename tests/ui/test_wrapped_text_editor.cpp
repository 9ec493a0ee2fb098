#include "ui/widgets/wrapped_text_editor.h"

#include <doctest/doctest.h>

#include <string>

using knotmap::ui::CaretPlace;
using knotmap::ui::filterTypedText;
using knotmap::ui::TextRules;
using knotmap::ui::WrappedTextEditor;

namespace {

// An editor over text wrapped at `width` characters (every code point is
// one unit wide), caret at the end.
WrappedTextEditor editorOf(const std::string& text, float width, TextRules rules = {}) {
    WrappedTextEditor editor(text, rules);
    editor.setWrap(width, [](char32_t) { return 1.0f; });
    return editor;
}

} // namespace

TEST_CASE("Up and Down move by visual line and keep the column across a short line") {
    // Lines: "the quick " / "brown " / "jumping fox" (width 11).
    WrappedTextEditor editor = editorOf("the quick brown jumping fox", 11);
    REQUIRE(editor.layout().lineCount() == 3);
    editor.placeCaret(2, 9, false); // "jumping f|ox"
    CHECK(editor.caret().offset == 25);
    editor.moveUp(false);
    // "brown " is six wide: the caret trails it, on that line, not the next.
    CHECK(editor.caret() == CaretPlace{16, true});
    CHECK(editor.layout().lineOf(editor.caret()) == 1);
    editor.moveUp(false);
    CHECK(editor.caret().offset == 9); // column 9 again on the first line
    editor.moveDown(false);
    editor.moveDown(false);
    CHECK(editor.caret().offset == 25); // back where it started
    editor.moveDown(false);
    CHECK(editor.caret().offset == editor.text().size()); // below the last line: the end
    editor.moveTextStart(false);
    editor.moveUp(false);
    CHECK(editor.caret().offset == 0);
}

TEST_CASE("typing after Up inserts on the line above, at the kept column") {
    WrappedTextEditor editor = editorOf("one two three four five six", 9);
    // "one two " / "three " / "four five " / "six"
    REQUIRE(editor.layout().lineCount() == 4);
    editor.moveUp(false); // from the end of "six" (column 3) to "fou|r"
    CHECK(editor.insert("X"));
    CHECK(editor.text() == "one two three fouXr five six");
}

TEST_CASE("Home and End go to the visual line's ends, Ctrl+Home and Ctrl+End to the text's") {
    WrappedTextEditor editor = editorOf("alpha beta gamma\ndelta", 11);
    // "alpha beta " / "gamma" / "delta"
    editor.placeCaret(0, 3, false);
    editor.moveLineEnd(false);
    CHECK(editor.caret() == CaretPlace{11, true}); // shown at the end of the first line
    CHECK(editor.layout().lineOf(editor.caret()) == 0);
    editor.moveLineStart(false);
    CHECK(editor.caret().offset == 0);
    editor.placeCaret(1, 2, false);
    editor.moveLineEnd(true);
    CHECK(editor.selectedText() == "mma"); // a paragraph's end stops before its new line
    editor.moveTextEnd(false);
    CHECK(editor.caret().offset == editor.text().size());
    editor.moveTextStart(true);
    CHECK(editor.selectedText() == editor.text());
}

TEST_CASE("Left and Right step by code point, Ctrl by word") {
    WrappedTextEditor editor = editorOf("боль, шея", 40);
    editor.moveLeft(false);
    CHECK(editor.caret().offset == editor.text().size() - 2); // one Cyrillic letter back
    editor.moveWordLeft(false);
    CHECK(editor.caret().offset == 10); // start of "шея" (after "боль, ")
    editor.moveWordLeft(false);
    CHECK(editor.caret().offset == 8); // the comma is a word of its own
    editor.moveWordLeft(false);
    CHECK(editor.caret().offset == 0);
    editor.moveWordRight(false);
    CHECK(editor.caret().offset == 8); // end of "боль"
    editor.moveWordRight(false);
    CHECK(editor.caret().offset == 10); // past ", "
    editor.moveRight(true);
    CHECK(editor.selectedText() == "ш");
    editor.selectWordAtCaret();
    CHECK(editor.selectedText() == "шея");
}

TEST_CASE("typing replaces the selection, Backspace and Delete remove one character") {
    WrappedTextEditor editor = editorOf("sore neck", 40);
    editor.moveTextStart(false);
    editor.moveWordRight(true);
    // Ctrl+Right stops at the next word's start, as ImGui's fields do off macOS.
    CHECK(editor.selectedText() == "sore ");
    CHECK(editor.insert("stiff "));
    CHECK(editor.text() == "stiff neck");
    CHECK(editor.caret().offset == 6);
    editor.moveLeft(false);
    CHECK(editor.backspace());
    CHECK(editor.text() == "stif neck");
    editor.moveTextEnd(false);
    CHECK_FALSE(editor.deleteForward());
    CHECK(editor.deleteWordBack());
    CHECK(editor.text() == "stif ");
    editor.moveTextStart(false);
    CHECK(editor.deleteForward());
    CHECK(editor.text() == "tif ");
    WrappedTextEditor cyrillic = editorOf("шея", 40);
    CHECK(cyrillic.backspace());
    CHECK(cyrillic.text() == "ше"); // a whole two-byte letter
}

TEST_CASE("the byte limit cuts an insert at a whole character and never grows long text") {
    WrappedTextEditor editor = editorOf("abc", 40, TextRules{6});
    CHECK(editor.insert("дд")); // 4 bytes, 3 free: one whole letter fits, not half of the next
    CHECK(editor.text() == "abcд");
    CHECK(editor.insert("x"));
    CHECK(editor.text() == "abcдx");
    CHECK_FALSE(editor.insert("y"));
    CHECK(editor.text().size() == 6);
    // Replacing a selection frees its bytes.
    editor.selectAll();
    CHECK(editor.insert("123456789"));
    CHECK(editor.text() == "123456");
    // Text stored before the limit existed stays, may shrink, may not grow.
    WrappedTextEditor old = editorOf("0123456789", 40, TextRules{4});
    CHECK_FALSE(old.insert("z"));
    CHECK(old.backspace());
    CHECK_FALSE(old.insert("z")); // shrunk text does not grow back either
    old.moveLeft(true);
    CHECK(old.insert("z")); // but a character may replace one
    CHECK(old.text() == "01234567z");
}

TEST_CASE("control characters are dropped from typed and pasted text") {
    CHECK(filterTypedText("a\tb\r\nc\x7f"
                          "d\x01"
                          "e",
                          false) == "ab\ncde");
    CHECK(filterTypedText("a\tb", true) == "a\tb");
    CHECK(filterTypedText("x\xc2\x85y", false) == "xy");             // U+0085, a C1 control
    CHECK(filterTypedText("ok \xff!", false) == "ok \xef\xbf\xbd!"); // malformed: U+FFFD
    WrappedTextEditor editor = editorOf("", 40);
    CHECK(editor.insert("line one\r\nline two\x1b"));
    CHECK(editor.text() == "line one\nline two");
    CHECK_FALSE(editor.insert("\x07"));
}

TEST_CASE("read-only text can be selected and copied, never changed") {
    WrappedTextEditor editor = editorOf("signed note", 40, TextRules{100, false, true});
    editor.selectAll();
    CHECK(editor.selectedText() == "signed note");
    std::string clipboard;
    CHECK_FALSE(editor.cut(clipboard));
    CHECK_FALSE(editor.insert("x"));
    CHECK_FALSE(editor.backspace());
    CHECK_FALSE(editor.deleteWordBack());
    CHECK_FALSE(editor.undo());
    CHECK(editor.text() == "signed note");
}

TEST_CASE("undo takes back a word of typing at a time, redo brings it again") {
    WrappedTextEditor editor = editorOf("", 40);
    for (const char* c : {"h", "i", " ", "y", "o", "u"}) {
        CHECK(editor.insert(c));
    }
    CHECK(editor.text() == "hi you");
    CHECK(editor.undo());
    CHECK(editor.text() == "hi");
    CHECK(editor.undo());
    CHECK(editor.text() == "");
    CHECK_FALSE(editor.undo());
    CHECK(editor.redo());
    CHECK(editor.redo());
    CHECK(editor.text() == "hi you");
    CHECK(editor.caret().offset == 6);
    std::string clipboard;
    editor.moveWordLeft(true);
    CHECK(editor.cut(clipboard));
    CHECK(clipboard == "you");
    CHECK(editor.undo());
    CHECK(editor.text() == "hi you");
    CHECK(editor.redo());
    CHECK(editor.text() == "hi ");
    CHECK_FALSE(editor.redo());
}

TEST_CASE("text changed from outside keeps the caret on a character boundary") {
    WrappedTextEditor editor = editorOf("шея болит", 40);
    editor.replaceText("шея");
    CHECK(editor.caret().offset == 6);
    editor.replaceText("ш\xd0");
    CHECK(editor.caret().offset <= 3);
}
