#pragma once

#include "core/domain.h"
#include "ui/clients/client_pane_data.h"
#include "ui/style/appearance.h"
#include "ui/workspace/workspace.h"

#include <optional>
#include <string>

namespace knotmap::ui {

struct VocabularyWindowState {
    bool open = false;
    Vocabulary shown = Vocabulary::Symptom; // the tab last drawn
    std::string newName;                    // the add field of the shown tab
    std::optional<Id> renaming;             // the entry being renamed in place
    std::string renameText;
    bool focusField = false; // an inline field just opened: give it the cursor
    std::string fieldError;  // why the typed name cannot be used
};

// Edit > Vocabularies...: the symptoms, treatments and triggers, built-in and
// custom, with add, rename and hide/show. Changes go through the workspace's undo
// stack; lists come from the view model, so they refresh with it (and so do
// the knot editor's chips). Draws nothing while closed.
void drawVocabularyWindow(const VocabularyLists& lists, VocabularyWindowState& state,
                          Workspace& workspace, const Appearance& look);

} // namespace knotmap::ui
