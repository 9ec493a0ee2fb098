#include "core/shortcuts.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

using namespace knotmap;

TEST_CASE("no two shortcuts share a key within one context") {
    std::set<std::tuple<std::string, KeyModifiers, ShortcutContext>> seen;
    for (const Shortcut& shortcut : shortcuts()) {
        CAPTURE(formatKeys(shortcut));
        const bool fresh =
            seen.emplace(std::string(shortcut.key), shortcut.modifiers, shortcut.context).second;
        CHECK(fresh);
    }
}

TEST_CASE("a key of the knot editor does not also act in the whole window") {
    // The editor is part of the window: a window key there would do two things.
    for (const Shortcut& editor : shortcuts()) {
        if (editor.context != ShortcutContext::KnotEditor) {
            continue;
        }
        for (const Shortcut& window : shortcuts()) {
            CAPTURE(formatKeys(editor));
            CHECK_FALSE((window.context == ShortcutContext::Window && window.key == editor.key &&
                         window.modifiers == editor.modifiers));
        }
    }
}

TEST_CASE("the shortcut table lists each group once, with the issue's keys") {
    std::set<std::string_view> finished;
    std::string_view current;
    std::set<std::string> keys;
    for (const Shortcut& shortcut : shortcuts()) {
        CHECK_FALSE(shortcut.description.empty());
        if (shortcut.group != current) {
            CHECK(finished.count(shortcut.group) == 0);
            finished.insert(current);
            current = shortcut.group;
        }
        keys.insert(formatKeys(shortcut));
    }
    for (const char* key : {"N", "Ctrl+F", "0-9", "F", "B", "S", "Up", "Down", "Ctrl+Z",
                            "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Q", "Delete", "Esc", "?"}) {
        CAPTURE(key);
        CHECK(keys.count(key) == 1);
    }
}

TEST_CASE("docs/keyboard.md holds the current shortcut table") {
    const auto doc = std::filesystem::path(__FILE__).parent_path() / "../../docs/keyboard.md";
    std::ifstream in(doc);
    REQUIRE_MESSAGE(in.good(), "cannot read ", doc.string());
    std::stringstream text;
    text << in.rdbuf();
    // Regenerate the table from knotmap::shortcutsMarkdown() when this fails.
    CHECK(text.str().find(shortcutsMarkdown()) != std::string::npos);
}
