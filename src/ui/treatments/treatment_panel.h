#pragma once

#include "store/treatment_commands.h"
#include "ui/style/appearance.h"
#include "ui/treatments/treatment_form.h"
#include "ui/treatments/treatment_view_model.h"

#include <optional>

namespace knotmap::ui {

struct TreatmentPanelState {
    TreatmentFormState form;
};

// What the user asked for this frame; the caller saves it as commands.
struct TreatmentPanelEvents {
    std::optional<NewTreatment> add;
    std::optional<Treatment> update;
    std::optional<Id> remove;
    std::optional<Id> showHistory; // of this treatment
};

// The treatments of one session: a heading, the list (kind, minutes and
// intensity, each knot with its pain before and after, medication, notes;
// edit and delete per knot) and the add / edit form. Draws into the current
// window at the cursor; meant to sit under the session's details.
[[nodiscard]] TreatmentPanelEvents drawTreatmentPanel(const TreatmentPanelModel& model,
                                                      TreatmentPanelState& state,
                                                      const Appearance& look);

} // namespace knotmap::ui
