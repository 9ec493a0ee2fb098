#include "core/shortcuts.h"

#include <array>

namespace knotmap {
namespace {

using enum KeyModifiers;
using enum ShortcutContext;

constexpr std::array kShortcuts{
    Shortcut{"N", None, Window, "Sessions", "New self check-in, now"},
    Shortcut{"Up", None, Window, "Sessions", "Select the newer session"},
    Shortcut{"Down", None, Window, "Sessions", "Select the older session"},
    Shortcut{"F", Ctrl, Window, "Clients", "Find a client"},
    Shortcut{"F", None, Window, "Body map", "Show the front"},
    Shortcut{"B", None, Window, "Body map", "Show the back"},
    Shortcut{"S", None, Window, "Body map", "Show front and back side by side"},
    Shortcut{"0-9", None, KnotEditor, "Knot", "Set the open knot's pain"},
    Shortcut{"0", Shift, KnotEditor, "Knot", "Set the open knot's pain to 10"},
    Shortcut{"Delete", None, Window, "Knot", "Delete the selected knot (undoable)"},
    Shortcut{"Esc", None, KnotEditor, "Knot", "Stop picking regions, or close the editor"},
    Shortcut{"1-7", Ctrl, Window, "Views",
             "Body map, knot history, overview, heat over time, compare, treatment effect, "
             "symptoms"},
    Shortcut{"S", CtrlShift, Window, "Views", "Save the view as a PNG image"},
    Shortcut{"P", Ctrl, Window, "Views", "Write the client's report as a PDF"},
    Shortcut{"E", Ctrl, Window, "Views", "Export data as CSV or FHIR"},
    Shortcut{"O", Ctrl, Window, "Files", "Open another database"},
    Shortcut{"I", Ctrl, Window, "Files", "Import: a CSV file, an export's folder, or FHIR"},
    Shortcut{"Z", Ctrl, Window, "Edit", "Undo"},
    Shortcut{"Z", CtrlShift, Window, "Edit", "Redo"},
    Shortcut{"Y", Ctrl, Window, "Edit", "Redo"},
    Shortcut{",", Ctrl, Window, "Window", "Settings"},
    Shortcut{"?", None, Window, "Window", "Show these shortcuts"},
    Shortcut{"Esc", None, Overlay, "Window", "Close this overlay or dialog"},
    Shortcut{"Q", Ctrl, Window, "Window", "Quit (notes being typed are saved)"},
};

} // namespace

std::span<const Shortcut> shortcuts() {
    return kShortcuts;
}

std::string formatKeys(const Shortcut& shortcut) {
    std::string text;
    const auto bits = static_cast<unsigned>(shortcut.modifiers);
    if ((bits & static_cast<unsigned>(Ctrl)) != 0) {
        text += "Ctrl+";
    }
    if ((bits & static_cast<unsigned>(Shift)) != 0) {
        text += "Shift+";
    }
    return text + std::string(shortcut.key);
}

std::string_view describe(ShortcutContext context) {
    switch (context) {
    case Window:
        return "main window";
    case KnotEditor:
        return "knot editor open";
    case Overlay:
        return "overlay or dialog open";
    }
    return "";
}

std::string shortcutsMarkdown() {
    std::string text = "| Keys | What it does | Where |\n|---|---|---|\n";
    std::string_view group;
    for (const Shortcut& shortcut : kShortcuts) {
        if (shortcut.group != group) {
            group = shortcut.group;
            text += "| **" + std::string(group) + "** | | |\n";
        }
        text += "| `" + formatKeys(shortcut) + "` | " + std::string(shortcut.description) + " | " +
                std::string(describe(shortcut.context)) + " |\n";
    }
    return text;
}

} // namespace knotmap
