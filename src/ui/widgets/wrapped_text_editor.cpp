#include "ui/widgets/wrapped_text_editor.h"

#include "core/code_points.h"
#include "core/validation.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// Undo keeps this many steps: enough for a session of typing, bounded for
// the rare megabyte note.
constexpr std::size_t kUndoSteps = 200;

enum class CharClass { Space, Word, Punctuation };

CharClass classOf(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\u3000') {
        return CharClass::Space;
    }
    if (c < 0x80 && !((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
                      (c >= U'A' && c <= U'Z') || c == U'_')) {
        return CharClass::Punctuation;
    }
    return CharClass::Word; // letters of every script
}

CharClass classAt(std::string_view text, std::size_t offset) {
    return classOf(decodeUtf8(text, offset));
}

CharClass classBefore(std::string_view text, std::size_t offset) {
    return classAt(text, previousCodePoint(text, offset));
}

bool isContinuationByte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The nearest code point boundary at or before offset.
std::size_t boundaryAtOrBefore(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    while (offset > 0 && offset < text.size() && isContinuationByte(text[offset])) {
        --offset;
    }
    return offset;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace

std::string filterTypedText(std::string_view utf8, bool allowTab) {
    std::string kept;
    kept.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        const char32_t c = decodeUtf8(utf8, at);
        const bool control = c < 0x20 || isForbiddenCharacter(c);
        if (!control || c == U'\n' || (c == U'\t' && allowTab)) {
            appendUtf8(kept, c);
        }
    }
    return kept;
}

WrappedTextEditor::WrappedTextEditor(std::string text, TextRules rules)
    : m_text(std::move(text)), m_rules(rules), m_caret{m_text.size(), false},
      m_anchor(m_text.size()) {}

void WrappedTextEditor::replaceText(std::string text) {
    if (text == m_text) {
        return;
    }
    m_text = std::move(text);
    m_caret = {boundaryAtOrBefore(m_text, m_caret.offset), false};
    m_anchor = boundaryAtOrBefore(m_text, m_anchor);
    m_undo.clear(); // the steps were of text that is no longer there
    m_redo.clear();
    m_lastEdit = EditKind::None;
    invalidate();
}

void WrappedTextEditor::setWrap(float wrapWidth, GlyphWidth width) {
    m_wrapWidth = wrapWidth;
    m_width = std::move(width);
    invalidate();
}

const WrappedTextLayout& WrappedTextEditor::layout() const {
    if (!m_layout) {
        m_layout.emplace(m_text, m_wrapWidth,
                         m_width ? m_width : GlyphWidth([](char32_t) { return 1.0f; }));
    }
    return *m_layout;
}

std::size_t WrappedTextEditor::selectionBegin() const {
    return std::min(m_anchor, m_caret.offset);
}

std::size_t WrappedTextEditor::selectionEnd() const {
    return std::max(m_anchor, m_caret.offset);
}

std::string WrappedTextEditor::selectedText() const {
    return m_text.substr(selectionBegin(), selectionEnd() - selectionBegin());
}

void WrappedTextEditor::setCaret(CaretPlace caret, bool extend) {
    m_caret = caret;
    if (!extend) {
        m_anchor = caret.offset;
    }
    m_lastEdit = EditKind::None; // typing after a move starts a new undo step
}

void WrappedTextEditor::moveLeft(bool extend) {
    m_goalX.reset();
    if (hasSelection() && !extend) {
        setCaret({selectionBegin(), false}, false);
        return;
    }
    setCaret({previousCodePoint(m_text, m_caret.offset), false}, extend);
}

void WrappedTextEditor::moveRight(bool extend) {
    m_goalX.reset();
    if (hasSelection() && !extend) {
        setCaret({selectionEnd(), false}, false);
        return;
    }
    setCaret({nextCodePoint(m_text, m_caret.offset), false}, extend);
}

void WrappedTextEditor::moveWordLeft(bool extend) {
    m_goalX.reset();
    std::size_t at = m_caret.offset;
    while (at > 0 && classBefore(m_text, at) == CharClass::Space) {
        at = previousCodePoint(m_text, at);
    }
    if (at > 0) {
        const CharClass run = classBefore(m_text, at);
        while (at > 0 && classBefore(m_text, at) == run) {
            at = previousCodePoint(m_text, at);
        }
    }
    setCaret({at, false}, extend);
}

void WrappedTextEditor::moveWordRight(bool extend) {
    m_goalX.reset();
    std::size_t at = m_caret.offset;
    if (at < m_text.size()) {
        const CharClass run = classAt(m_text, at);
        if (run != CharClass::Space) {
            while (at < m_text.size() && classAt(m_text, at) == run) {
                at = nextCodePoint(m_text, at);
            }
        }
    }
    while (at < m_text.size() && classAt(m_text, at) == CharClass::Space && m_text[at] != '\n') {
        at = nextCodePoint(m_text, at);
    }
    if (at == m_caret.offset && at < m_text.size()) {
        at = nextCodePoint(m_text, at); // a newline is a step of its own
    }
    setCaret({at, false}, extend);
}

void WrappedTextEditor::moveVertically(bool extend, long lines) {
    const WrappedTextLayout& shape = layout();
    if (!m_goalX) {
        m_goalX = shape.xOf(m_caret);
    }
    const long line = static_cast<long>(shape.lineOf(m_caret)) + lines;
    const float goal = *m_goalX;
    if (line < 0) {
        setCaret({0, false}, extend); // above the first line: its start
    } else if (line >= static_cast<long>(shape.lineCount())) {
        setCaret({m_text.size(), false}, extend);
    } else {
        setCaret(shape.caretAt(static_cast<std::size_t>(line), goal), extend);
    }
    m_goalX = goal; // setCaret's callers reset it; vertical moves keep it
}

void WrappedTextEditor::moveUp(bool extend, std::size_t lines) {
    moveVertically(extend, -static_cast<long>(lines));
}

void WrappedTextEditor::moveDown(bool extend, std::size_t lines) {
    moveVertically(extend, static_cast<long>(lines));
}

void WrappedTextEditor::moveLineStart(bool extend) {
    m_goalX.reset();
    const WrappedTextLayout& shape = layout();
    setCaret({shape.lines()[shape.lineOf(m_caret)].begin, false}, extend);
}

void WrappedTextEditor::moveLineEnd(bool extend) {
    m_goalX.reset();
    const WrappedTextLayout& shape = layout();
    const VisualLine& line = shape.lines()[shape.lineOf(m_caret)];
    setCaret({line.end, !line.endsParagraph}, extend);
}

void WrappedTextEditor::moveTextStart(bool extend) {
    m_goalX.reset();
    setCaret({0, false}, extend);
}

void WrappedTextEditor::moveTextEnd(bool extend) {
    m_goalX.reset();
    setCaret({m_text.size(), false}, extend);
}

void WrappedTextEditor::placeCaret(std::size_t line, float x, bool extend) {
    m_goalX.reset();
    setCaret(layout().caretAt(line, x), extend);
}

void WrappedTextEditor::selectAll() {
    m_goalX.reset();
    m_anchor = 0;
    m_caret = {m_text.size(), false};
    m_lastEdit = EditKind::None;
}

void WrappedTextEditor::selectWordAtCaret() {
    m_goalX.reset();
    std::size_t begin = m_caret.offset;
    std::size_t end = m_caret.offset;
    // On a word's end (a double-click just right of it) the word is meant.
    const bool onWord = end < m_text.size() && m_text[end] != '\n';
    const CharClass run = onWord      ? classAt(m_text, end)
                          : begin > 0 ? classBefore(m_text, begin)
                                      : CharClass::Space;
    while (begin > 0 && classBefore(m_text, begin) == run && m_text[begin - 1] != '\n') {
        begin = previousCodePoint(m_text, begin);
    }
    while (end < m_text.size() && classAt(m_text, end) == run && m_text[end] != '\n') {
        end = nextCodePoint(m_text, end);
    }
    m_anchor = begin;
    m_caret = {end, false};
    m_lastEdit = EditKind::None;
}

void WrappedTextEditor::remember(EditKind kind) {
    if (kind != EditKind::Other && kind == m_lastEdit && !m_undo.empty()) {
        return; // one undo step for a run of typing or of deleting
    }
    m_undo.push_back({m_text, m_caret, m_anchor});
    if (m_undo.size() > kUndoSteps) {
        m_undo.erase(m_undo.begin());
    }
}

bool WrappedTextEditor::replaceSelection(std::string_view with, EditKind kind) {
    if (m_rules.readOnly) {
        return false;
    }
    const std::size_t begin = selectionBegin();
    const std::size_t end = selectionEnd();
    // Text stored before the limit existed may stay longer, never grow.
    const std::size_t limit = std::max(m_rules.maxBytes, m_text.size());
    const std::size_t room = limit - (m_text.size() - (end - begin));
    if (with.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && isContinuationByte(with[cut])) {
            --cut; // whole characters only
        }
        with = with.substr(0, cut);
    }
    if (with.empty() && begin == end) {
        return false;
    }
    remember(kind);
    m_redo.clear();
    m_text.replace(begin, end - begin, with);
    m_goalX.reset();
    setCaret({begin + with.size(), false}, false);
    m_lastEdit = kind;
    invalidate();
    return true;
}

bool WrappedTextEditor::insert(std::string_view utf8) {
    const std::string kept = filterTypedText(utf8, m_rules.allowTab);
    // A space or a new line closes the word typed before it: undo goes back
    // a word at a time, not a whole paragraph.
    const bool wordBreak = kept == " " || kept == "\n";
    if (wordBreak && m_lastEdit == EditKind::Typing) {
        m_lastEdit = EditKind::None;
    }
    const bool single = nextCodePoint(kept, 0) == kept.size();
    return replaceSelection(kept, single && !hasSelection() ? EditKind::Typing : EditKind::Other);
}

bool WrappedTextEditor::backspace() {
    if (!hasSelection() && !m_rules.readOnly) {
        m_anchor = previousCodePoint(m_text, m_caret.offset);
    }
    return replaceSelection({}, EditKind::Deleting);
}

bool WrappedTextEditor::deleteForward() {
    if (!hasSelection() && !m_rules.readOnly) {
        m_anchor = nextCodePoint(m_text, m_caret.offset);
    }
    return replaceSelection({}, EditKind::Deleting);
}

bool WrappedTextEditor::deleteWordBack() {
    if (m_rules.readOnly) {
        return false;
    }
    if (!hasSelection()) {
        const std::size_t from = m_caret.offset;
        moveWordLeft(false);
        m_anchor = from;
    }
    return replaceSelection({}, EditKind::Other);
}

bool WrappedTextEditor::cut(std::string& clipboard) {
    if (m_rules.readOnly || !hasSelection()) {
        return false;
    }
    clipboard = selectedText();
    return replaceSelection({}, EditKind::Other);
}

void WrappedTextEditor::restore(Snapshot snapshot) {
    m_text = std::move(snapshot.text);
    m_caret = snapshot.caret;
    m_anchor = snapshot.anchor;
    m_goalX.reset();
    m_lastEdit = EditKind::None;
    invalidate();
}

bool WrappedTextEditor::undo() {
    if (m_rules.readOnly || m_undo.empty()) {
        return false;
    }
    m_redo.push_back({m_text, m_caret, m_anchor});
    Snapshot previous = std::move(m_undo.back());
    m_undo.pop_back();
    restore(std::move(previous));
    return true;
}

bool WrappedTextEditor::redo() {
    if (m_rules.readOnly || m_redo.empty()) {
        return false;
    }
    m_undo.push_back({m_text, m_caret, m_anchor});
    Snapshot next = std::move(m_redo.back());
    m_redo.pop_back();
    restore(std::move(next));
    return true;
}

} // namespace knotmap::ui
