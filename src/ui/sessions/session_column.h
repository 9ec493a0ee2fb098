#pragma once

#include "ui/sessions/session_controller.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"
#include "ui/treatments/treatment_controller.h"

namespace knotmap::ui {

// The column beside the body map while no knot is open: the client's session
// timeline on top, and below it the selected session's details and its
// treatments as two tabs. Also handles the timeline's keys (N, Up, Down).
// treatments may be null (not shown).
void drawSessionColumn(const ClientEntry& client, SessionController& sessions,
                       TreatmentController* treatments, const Appearance& look);

} // namespace knotmap::ui
