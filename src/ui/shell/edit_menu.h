#pragma once

#include "ui/knots/knot_log_controller.h"
#include "ui/workspace/workspace.h"

namespace knotmap::ui {

// The menu bar's Edit menu: undo and redo named after what they take back or
// repeat, and deleting the knot being edited. Call between
// BeginMainMenuBar and EndMainMenuBar.
void drawEditMenu(Workspace& workspace, KnotLogController* knotLog);

} // namespace knotmap::ui
