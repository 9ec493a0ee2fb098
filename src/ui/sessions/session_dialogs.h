#pragma once

#include "ui/sessions/session_details_model.h"
#include "ui/sessions/session_details_panel.h"
#include "ui/style/appearance.h"

// The details panel's confirmations for a therapy visit: signing it (which
// cannot be undone, so it is asked first) and amending a signed field.
namespace knotmap::ui {

void openAmendDialog(SessionField field, const SessionDetailsModel& model,
                     SessionDetailsState& state);
// Sets events.signAs when the user confirms.
void drawSignDialog(const SessionDetailsModel& model, SessionDetailsState& state,
                    SessionDetailsEvents& events, const Appearance& look);
// Sets events.amend when the user saves the amendment.
void drawAmendDialog(const SessionDetailsModel& model, SessionDetailsState& state,
                     SessionDetailsEvents& events, const Appearance& look);
// The amendments of one field, oldest first, under the field's current value.
void drawAmendmentsOf(SessionField field, const SessionDetailsModel& model, const Appearance& look);

} // namespace knotmap::ui
