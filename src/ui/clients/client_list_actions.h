#pragma once

#include "ui/clients/client_list_panel.h"
#include "ui/workspace/workspace.h"

namespace knotmap::ui {

// Carries out what the client list asked for as commands on the shared undo
// stack (so Ctrl+Z takes back an edit or an archive in order with knot
// edits). A created client becomes the selected one.
void applyClientListActions(const ClientListActions& actions, ClientListState& state,
                            Workspace& workspace);

} // namespace knotmap::ui
