#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "ui/style/appearance.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/treatments/treatment_panel.h"
#include "ui/treatments/treatment_view_model.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// The treatments section's side of the app: keeps the panel's view model for
// the shown session and turns the panel's events into store commands on the
// knot log's undo stack, so Ctrl+Z takes back treatments and knots in the
// order they were made. Failures reach the window through the knot log.
class TreatmentController {
public:
    TreatmentController(KnotLogController& knotLog, const Atlas& atlas);

    // Draws the treatments of sessionId at the cursor and saves what the user did.
    void draw(Id sessionId, const Appearance& look);

private:
    // Saves the form's corrections of a signed visit's treatment as amendments.
    void amend(const Treatment& corrected);
    // Rebuilt only when the session or the database content changed.
    const TreatmentPanelModel* model(Id sessionId);

    KnotLogController& m_knotLog;
    const Atlas& m_atlas;
    std::optional<TreatmentPanelModel> m_model;
    Id m_modelSession = 0;
    std::uint64_t m_modelChanges = ~std::uint64_t{0}; // the connection's change counter when the model was read
    std::string m_readError; // shown in place of the list when reading failed
    TreatmentPanelState m_state;
};

} // namespace knotmap::ui
