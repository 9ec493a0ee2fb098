#pragma once

#include "ui/style/appearance.h"

#include <string>

namespace knotmap::ui {

// A problem that stops Knotmap from going on, shown as a modal dialog. The
// message is one line that names the file and what is wrong.
struct ErrorDialogState {
    std::string title;   // e.g. "Knotmap can't open this database"
    std::string message; // e.g. "/home/a/notes.txt: not an SQLite database"
    std::string advice;  // what the user can do about it
    bool dismissed = false;
};

// Draws the dialog; sets state.dismissed when the user closes it.
void drawErrorDialog(ErrorDialogState& state, const Appearance& look);

} // namespace knotmap::ui
