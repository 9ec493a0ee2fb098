#pragma once

#include "store/treatment_commands.h"
#include "ui/style/appearance.h"
#include "ui/treatments/treatment_view_model.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// A rating that may be unknown; kUnknownPain is "not recorded".
inline constexpr int kUnknownPain = -1;

// One knot the form can target, with the pain entered for it.
struct TreatmentFormKnot {
    Id knotId = 0;
    bool selected = false;
    int painBefore = kUnknownPain;
    int painAfter = kUnknownPain;
};

// What the "Add treatment" (or edit) form holds while it is open.
struct TreatmentFormState {
    bool open = false;
    std::optional<Treatment> editing; // the stored treatment when editing one
    Id sessionId = 0;
    std::string kindCode;
    bool wholeSession = true;
    std::vector<TreatmentFormKnot> knots; // one per knot observed in the session
    int sessionPainBefore = kUnknownPain; // used for the whole session
    int sessionPainAfter = kUnknownPain;
    std::string minutes; // digits; empty is unknown
    int intensity = 0;   // 0 not recorded, then light, medium, firm, deep
    std::string medication;
    std::string notes;
    // Correcting a treatment of a signed visit: saved as amendments, which
    // need who and why.
    bool amending = false;
    std::string author;
    std::string reason;
};

// Opens an empty form for a new treatment; knots start with their observed pain.
void openNewTreatmentForm(TreatmentFormState& form, const TreatmentPanelModel& model);
// Opens the form on a saved treatment; on a signed visit's, as an amendment.
void openEditTreatmentForm(TreatmentFormState& form, const TreatmentPanelModel& model,
                           const Treatment& treatment);

struct TreatmentFormResult {
    std::optional<NewTreatment> add; // "Add treatment" pressed
    std::optional<Treatment> update; // "Save" pressed while editing
    bool cancelled = false;
    bool showHistory = false; // History of the edited treatment was clicked
};

// Draws the open form; the caller closes it once the result was saved.
[[nodiscard]] TreatmentFormResult drawTreatmentForm(const TreatmentPanelModel& model,
                                                    TreatmentFormState& form,
                                                    const Appearance& look);

// Why the form cannot be saved yet ("" when it can), shown beside the button.
[[nodiscard]] std::string treatmentFormProblem(const TreatmentFormState& form);
// The form as a new treatment / as the edited treatment (pure, for tests).
[[nodiscard]] NewTreatment newTreatmentFromForm(const TreatmentFormState& form);
[[nodiscard]] Treatment editedTreatmentFromForm(const TreatmentFormState& form);

} // namespace knotmap::ui
