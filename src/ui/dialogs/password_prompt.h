#pragma once

#include "ui/style/appearance.h"

#include <array>
#include <string>

namespace knotmap::ui {

// Asked when a PostgreSQL server wants a password that neither PGPASSWORD,
// ~/.pgpass nor a service file gave. The password lives in this buffer and
// then in memory only: never in settings, logs or the command line.
enum class PasswordChoice { Undecided, Connect, Quit };

struct PasswordPromptState {
    std::array<char, 256> password{};
    std::string refusal; // why the last try failed ("the password was refused"), or ""
    bool focusSet = false;

    // Overwrites the typed password (after use, or when the prompt closes).
    void wipe();
};

// Draws the question as a modal dialog over an empty window; returns what the
// person chose this frame. Enter connects, Escape quits.
[[nodiscard]] PasswordChoice drawPasswordPrompt(const std::string& server,
                                                PasswordPromptState& state, const Appearance& look);

} // namespace knotmap::ui
