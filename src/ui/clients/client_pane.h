#pragma once

#include "ui/shell/app_view_model.h"
#include "ui/shell/main_screen.h"
#include "ui/style/appearance.h"

// The main screen's seams for the client list and the vocabulary manager:
// kept here so the main screen only calls them.
namespace knotmap::ui {

// File > New client...: opens the client details form (for an individual
// too). Call inside the File menu.
void drawNewClientMenuItem(MainScreenState& state);

// Adds Edit > Vocabularies... and View > Therapist mode to the menus of the
// same names (ImGui appends to a menu opened again). Call between
// BeginMainMenuBar and EndMainMenuBar.
void drawClientMenuItems(MainScreenState& state);

// Whether the client pane shows: never for an individual (one client,
// therapist mode off), always for a therapist or once a second client exists.
[[nodiscard]] bool clientPaneShown(const AppViewModel& model, const MainScreenState& state);

// The client list inside the current pane, and what it asked for done.
void drawClientPane(const AppViewModel& model, MainScreenState& state, const Appearance& look);

// Once per frame after the panes: Ctrl+F, the client details form and the
// vocabulary window.
void finishClientFrame(const AppViewModel& model, MainScreenState& state, const Appearance& look);

} // namespace knotmap::ui
