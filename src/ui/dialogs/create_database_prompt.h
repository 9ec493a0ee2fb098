#pragma once

#include "ui/style/appearance.h"

#include <string>

namespace knotmap::ui {

// Asked before the window creates a database anywhere but the default
// location: a mistyped --db must not quietly leave a new file behind.
enum class CreateDatabaseChoice { Undecided, Create, Quit };

// Draws the question as a modal dialog over an empty window; returns what the
// person chose this frame. Enter creates, Escape quits.
[[nodiscard]] CreateDatabaseChoice drawCreateDatabasePrompt(const std::string& path,
                                                            const Appearance& look);

} // namespace knotmap::ui
