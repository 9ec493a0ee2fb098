#pragma once

#include <span>
#include <string>
#include <string_view>

// The one list of keyboard shortcuts: the shortcut overlay (`?`) and
// docs/keyboard.md are made from it (a test keeps the doc in step). The
// panels that act on a key keep their own handling; when you add or change a
// key there, change its row here too.
namespace knotmap {

enum class KeyModifiers : unsigned { None = 0, Ctrl = 1, Shift = 2, CtrlShift = 3 };

// Where a key acts. Keys never act while a text field has the focus.
enum class ShortcutContext {
    Window,     // anywhere in the main window
    KnotEditor, // while a knot's editor is open
    Overlay,    // while a dialog or overlay is open
};

struct Shortcut {
    std::string_view key; // as printed on the key: "N", "0-9", "Up", "?", ","
    KeyModifiers modifiers = KeyModifiers::None;
    ShortcutContext context = ShortcutContext::Window;
    std::string_view group;       // heading in the overlay: "Sessions", "Body map"...
    std::string_view description; // what it does, sentence case, no full stop
};

// In display order, grouped: rows of one group are adjacent.
[[nodiscard]] std::span<const Shortcut> shortcuts();

// "Ctrl+Shift+Z", "?", "0-9".
[[nodiscard]] std::string formatKeys(const Shortcut& shortcut);

[[nodiscard]] std::string_view describe(ShortcutContext context);

// The Markdown table docs/keyboard.md holds between its generated markers.
[[nodiscard]] std::string shortcutsMarkdown();

} // namespace knotmap
