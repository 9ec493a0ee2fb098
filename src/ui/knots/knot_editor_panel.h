#pragma once

#include "core/observation_edit.h"
#include "core/record_amendment.h"
#include "ui/knots/knot_editor_model.h"
#include "ui/knots/quick_treatment_row.h"
#include "ui/style/appearance.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// What the knot editor remembers between frames.
struct KnotEditorState {
    // The notes being typed: saved when the field loses focus, as one undo
    // step, so they live here until then.
    Id notesObservation = 0;
    std::string notesDraft;
    bool notesDirty = false;
    // The rating's version when typing began: a save is refused when somebody
    // else changed the rating since (store/row_version.h), even if this
    // window has shown their change meanwhile.
    int notesBaseVersion = 0;
    // The map adds or removes referred-pain regions on click while this is set.
    bool pickingRegions = false;
    // The "Amend rating" dialog of a signed visit's rating.
    bool amendOpen = false; // open it on the next frame
    Observation amendDraft;
    std::string amendAuthor;
    std::string amendReason;
    // The rating a click on its marker reopened because it was made earlier
    // today: the editor offers "Log again now" beside editing it.
    Id offerLogAgainFor = 0;
    QuickTreatmentState treatment;
};

// What the user did in the editor this frame. The panel only reports; the
// knot log controller saves (see ui/knots/knot_log_controller.h).
struct KnotEditorEvents {
    std::optional<ObservationEdit> edit;
    bool editContinues = false; // part of a slider drag: the next edit may merge with it
    bool gestureEnded = false;  // the slider was released: the next edit is a new undo step
    bool deleteKnot = false;
    bool close = false;
    bool showHistory = false; // "History": who changed this rating, and when
    // Corrections of a signed visit's rating, to be saved as amendments.
    std::vector<RecordAmendment> amendments;
    bool logAgain = false; // a new rating now, in a new check-in
    std::optional<NewTreatment> addTreatment;
};

// The editor for one observation, filling the current window: region and
// session, "Log again now" when the rating was made earlier today, pain
// (slider; keys 0-9, Shift+0 for 10, when no text field has focus), kind,
// symptoms, referred-pain regions, notes, a quick treatment row, and delete.
[[nodiscard]] KnotEditorEvents drawKnotEditor(const KnotEditorModel& model, KnotEditorState& state,
                                              const Appearance& look);

// Notes typed but not yet saved (the editor is closing or shows another
// observation), as an edit of the observation they were typed for.
[[nodiscard]] std::optional<ObservationEdit> takePendingNotes(KnotEditorState& state);

} // namespace knotmap::ui
