#pragma once

#include "ui/practice/practice_window.h"
#include "ui/shell/app_view_model.h"
#include "ui/workspace/workspace.h"

namespace knotmap::ui {

// Between frames, while the Practice window is open: sends the change the
// window asked for through the workspace's connection (the server checks
// that the caller is the owner), then reads the people and client access
// again when the window has just opened or any data changed. A refusal or a
// lost server is shown in the window; nothing throws. model gives the
// clients' names (null: none listed). While the window is closed it only
// wipes a password left typed in it.
void runPracticeRequests(PracticeWindowState& state, Workspace& workspace,
                         const AppViewModel* model);

} // namespace knotmap::ui
