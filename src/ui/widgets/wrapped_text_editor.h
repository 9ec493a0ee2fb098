#pragma once

#include "ui/widgets/wrapped_text_layout.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The editing side of the wrapping text field (ui/widgets/wrapped_text_input.h):
// text, caret, selection and undo, moved by visual lines of a
// WrappedTextLayout. No ImGui here, so every key's effect can be tested.
namespace knotmap::ui {

struct TextRules {
    std::size_t maxBytes = static_cast<std::size_t>(-1);
    bool allowTab = false; // else a tab is dropped (Tab moves the focus)
    bool readOnly = false; // caret, selection and copy only
};

// Keeps the characters a multi-line field may hold: LF, tab when allowed,
// no other control character (core/validation.h's isForbiddenCharacter and
// the C0 controls, CR included: a pasted CRLF becomes LF). Malformed UTF-8
// becomes U+FFFD.
[[nodiscard]] std::string filterTypedText(std::string_view utf8, bool allowTab);

class WrappedTextEditor {
public:
    WrappedTextEditor(std::string text, TextRules rules);

    [[nodiscard]] const std::string& text() const { return m_text; }
    // Text changed from outside while editing: the caret stays where it can.
    void replaceText(std::string text);

    // The layout follows the box's width and the font; both may change
    // between frames (the font atlas grows as new scripts appear).
    void setWrap(float wrapWidth, GlyphWidth width);
    [[nodiscard]] const WrappedTextLayout& layout() const;

    [[nodiscard]] CaretPlace caret() const { return m_caret; }
    [[nodiscard]] std::size_t anchor() const { return m_anchor; }
    [[nodiscard]] bool hasSelection() const { return m_anchor != m_caret.offset; }
    // [first, last) bytes of the selection.
    [[nodiscard]] std::size_t selectionBegin() const;
    [[nodiscard]] std::size_t selectionEnd() const;
    [[nodiscard]] std::string selectedText() const;

    // Caret movement; extend keeps the anchor (Shift), else the selection goes.
    void moveLeft(bool extend);
    void moveRight(bool extend);
    void moveWordLeft(bool extend);
    void moveWordRight(bool extend);
    void moveUp(bool extend, std::size_t lines = 1);
    void moveDown(bool extend, std::size_t lines = 1);
    void moveLineStart(bool extend);
    void moveLineEnd(bool extend);
    void moveTextStart(bool extend);
    void moveTextEnd(bool extend);
    // A click or drag at x on a visual line.
    void placeCaret(std::size_t line, float x, bool extend);
    void selectAll();
    // The word (or run of spaces, or punctuation) around the caret.
    void selectWordAtCaret();

    // Edits return true when the text changed. Typed and pasted text is
    // filtered (filterTypedText) and cut at whole characters where it would
    // pass maxBytes; text already longer than the limit may shrink, not grow.
    bool insert(std::string_view utf8);
    bool backspace();
    bool deleteForward();
    bool deleteWordBack();
    bool cut(std::string& clipboard);
    bool undo();
    bool redo();

private:
    struct Snapshot {
        std::string text;
        CaretPlace caret;
        std::size_t anchor = 0;
    };
    enum class EditKind { None, Typing, Deleting, Other };

    void setCaret(CaretPlace caret, bool extend);
    void moveVertically(bool extend, long lines);
    bool replaceSelection(std::string_view with, EditKind kind);
    void remember(EditKind kind);
    void restore(Snapshot snapshot);
    void invalidate() { m_layout.reset(); }

    std::string m_text;
    TextRules m_rules;
    CaretPlace m_caret;
    std::size_t m_anchor = 0;
    std::optional<float> m_goalX; // kept by Up/Down, so a caret passing short lines comes back
    float m_wrapWidth = 0;
    GlyphWidth m_width;
    mutable std::optional<WrappedTextLayout> m_layout;
    std::vector<Snapshot> m_undo;
    std::vector<Snapshot> m_redo;
    EditKind m_lastEdit = EditKind::None;
};

} // namespace knotmap::ui
