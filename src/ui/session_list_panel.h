#pragma once

#include "ui/app_view_model.h"
#include "ui/appearance.h"

namespace knotmap::ui {

// The client's name and their sessions as a table, newest first. Fills the
// rest of the current window.
void drawSessionList(const ClientEntry& client, const Appearance& look);

} // namespace knotmap::ui
