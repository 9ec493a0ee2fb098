#pragma once

#include "core/session_fields.h"
#include "ui/sessions/session_details_model.h"
#include "ui/style/appearance.h"

#include <array>
#include <optional>
#include <string>

namespace knotmap::ui {

// What the details panel remembers between frames: drafts of the text being
// typed (saved as one step when the field loses focus) and the open dialogs.
struct SessionDetailsState {
    Id draftsFor = 0; // the session the drafts below were read from
    std::array<std::string, kAllSessionFields.size()> drafts; // by SessionField
    // What each draft was read from, and the visit's version then: a draft
    // that differs from both is being typed, and is kept when the visit is
    // read again (a change saved in another window); its save is based on
    // that version, so it cannot silently overwrite the other change.
    std::array<std::string, kAllSessionFields.size()> draftsReadFrom;
    std::array<int, kAllSessionFields.size()> draftVersions{};
    std::string timeDraft; // "2026-03-14 09:30"
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
    int updateBaseVersion = 0; // the visit's version the update was made from
    std::optional<CivilDateTime> newTime;
    bool deleteSession = false;
    std::optional<std::string> signAs; // the therapist's name
    std::optional<SessionAmendment> amend;
    bool showHistory = false; // History was clicked
};

// Copies the model's values into the drafts (after the model was rebuilt),
// except drafts of the same visit still being typed.
void resetDrafts(const SessionDetailsModel& model, SessionDetailsState& state);

// Draws the session's details at the cursor, filling the rest of the window.
SessionDetailsEvents drawSessionDetails(const SessionDetailsModel& model,
                                        SessionDetailsState& state, const Appearance& look);

} // namespace knotmap::ui
