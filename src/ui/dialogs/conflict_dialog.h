#pragma once

#include "ui/style/appearance.h"
#include "ui/workspace/workspace.h"

namespace knotmap::ui {

// Asks what to do with a save refused because somebody else changed the
// record since the person saw it (Workspace::conflict): keep theirs (the
// screen already shows it) or save mine over it. Draws nothing otherwise.
void drawConflictDialog(Workspace& workspace, const Appearance& look);

} // namespace knotmap::ui
