#pragma once

#include "ui/practice/practice_window.h"

#include <string>

// The Practice window's two tabs, each in its own file; used by
// practice_window.cpp only.
namespace knotmap::ui {

// Everyone in the practice, with Disable and Enable, and the form that adds a person.
void drawPracticePeople(PracticeWindowState& state, const Appearance& look);

// Each client with who it is assigned to and shared with, and the controls to change it.
void drawPracticeClients(PracticeWindowState& state, const Appearance& look);

// "Dana Ruiz", or "Dana Ruiz (disabled)": how a person is named in lists.
[[nodiscard]] std::string shownName(const std::string& name, bool enabled);

} // namespace knotmap::ui
