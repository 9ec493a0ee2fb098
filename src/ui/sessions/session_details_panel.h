#pragma once

#include "core/session_fields.h"
#include "ui/style/appearance.h"
#include "ui/sessions/session_details_model.h"

#include <array>
#include <optional>
#include <string>

namespace knotmap::ui {

// What the details panel remembers between frames: drafts of the text being
// typed (saved as one step when the field loses focus) and the open dialogs.
struct SessionDetailsState {
    Id draftsFor = 0; // the session the drafts below were read from
    std::array<std::string, kAllSessionFields.size()> drafts; // by SessionField
    std::string timeDraft;                                    // "2026-03-14 09:30"
    std::string timeError;
    // Sign dialog.
    bool signOpen = false;
    std::string signer;
    // Amend dialog.
    std::optional<SessionField> amending;
    std::string amendValue;
    std::string amendAuthor;
    std::string amendReason;
};

struct SessionDetailsEvents {
    std::optional<std::pair<SessionField, std::string>> update;
    std::optional<CivilDateTime> newTime;
    bool deleteSession = false;
    std::optional<std::string> signAs; // the therapist's name
    std::optional<SessionAmendment> amend;
};

// Copies the model's values into the drafts (after the model was rebuilt).
void resetDrafts(const SessionDetailsModel& model, SessionDetailsState& state);

// Draws the session's details at the cursor, filling the rest of the window.
SessionDetailsEvents drawSessionDetails(const SessionDetailsModel& model,
                                        SessionDetailsState& state, const Appearance& look);

} // namespace knotmap::ui
