#pragma once

#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// File > New database…, Open database… and Open recent, and a database file
// dropped onto the window: each ends in a path the app switches the window
// to (closing the open database first, its waiting saves saved).
struct DatabaseFilesState {
    std::vector<std::string> recent; // set by the app: most recent first, the open one included
    std::string openNow;             // set by the app: the open database's file, if a file
    FileChooserSlot chooser;
    bool creating = false; // the chooser asks for a new database's name
    // A .db file dropped onto the window: asked about before it is opened.
    std::optional<std::filesystem::path> dropped;
    // Taken by the app: the database to open next, created when missing
    // (New database… only ever names a path where nothing is).
    std::optional<std::filesystem::path> switchTo;
};

// Open database… (and Ctrl+O): the chooser, for an existing file.
void askForDatabaseToOpen(DatabaseFilesState& state);
// The File menu's database items; call inside the open File menu.
void drawDatabaseMenuItems(DatabaseFilesState& state);
// The chooser and the dropped file's question; call every frame.
void drawDatabaseFiles(DatabaseFilesState& state, const Appearance& look);

} // namespace knotmap::ui
