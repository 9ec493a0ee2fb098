#pragma once

#include "ui/knots/knot_editor_model.h"
#include "ui/knots/knot_editor_panel.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The knot editor's body for a rating in a signed visit: the values as they
// read now, read-only, this rating's amendments with who, when and why, and
// "Amend rating…", which opens a dialog whose corrections become
// events.amendments (one per changed field, same author and reason).
void drawSignedRating(const KnotEditorModel& model, KnotEditorState& state,
                      KnotEditorEvents& events, const Appearance& look);

} // namespace knotmap::ui
