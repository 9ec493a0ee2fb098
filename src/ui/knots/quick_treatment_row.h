#pragma once

#include "store/treatment_commands.h"
#include "ui/knots/quick_treatment_model.h"
#include "ui/style/appearance.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// What the knot editor's treatment row holds while the person fills it in.
struct QuickTreatmentState {
    Id observationId = 0;        // the rating the fields were typed for
    std::string kindCode;        // empty: none picked yet
    std::string minutes;         // digits; empty is not recorded
    std::string painAfter;       // digits; empty is not recorded
    bool focusMinutes = false;   // a kind was just picked: type the minutes next
    bool focusPainAfter = false; // Enter in the minutes: the pain after next
    std::string problem;         // why the last Add was refused, shown under the row
};

// A compact "treated it" row for the rating on screen: one click on a kind
// (the client's recently used ones first) puts the caret in the minutes,
// Enter moves to the pain after, Enter adds. Pain before is the rating's
// pain. The full form (intensity, notes, several knots) stays in the
// session's Treatments tab. Returns the treatment to add, when Add was pressed.
[[nodiscard]] std::optional<NewTreatment>
drawQuickTreatmentRow(const QuickTreatmentModel& model, Id observationId, Id knotId, int ratingPain,
                      QuickTreatmentState& state, const Appearance& look);

} // namespace knotmap::ui
