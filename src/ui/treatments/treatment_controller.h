#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/style/appearance.h"
#include "ui/treatments/treatment_panel.h"
#include "ui/treatments/treatment_view_model.h"
#include "ui/workspace/workspace.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// The treatments section's side of the app: keeps the panel's view model for
// the shown session and turns the panel's events into store commands run by
// the workspace, so Ctrl+Z takes back treatments and knots in the order they
// were made. The view model is built between frames (prepare).
class TreatmentController {
public:
    TreatmentController(Workspace& workspace, const Atlas& atlas);

    // Between frames: reads the session's treatments again when the session
    // or the workspace's version moved. None: no session shown.
    void prepare(std::optional<Id> sessionId);

    // Draws the prepared session's treatments at the cursor and saves what
    // the user did.
    void draw(const Appearance& look);

private:
    // Saves the form's corrections of a signed visit's treatment as amendments.
    void amend(const Treatment& corrected);
    void showHistory(Id treatmentId);
    Workspace& m_workspace;
    const Atlas& m_atlas;
    std::optional<TreatmentPanelModel> m_model;
    Id m_modelSession = 0;
    std::uint64_t m_modelVersion = ~std::uint64_t{0}; // the workspace's version it was read at
    std::string m_readError; // shown in place of the list when reading failed
    TreatmentPanelState m_state;
    RecordHistoryState m_history; // a treatment's History dialog, read when asked
};

} // namespace knotmap::ui
