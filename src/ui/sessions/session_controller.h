#pragma once

#include "core/domain.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/sessions/session_details_model.h"
#include "ui/sessions/session_details_panel.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"
#include "ui/workspace/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// The sessions' side of the window: which session of the client is selected
// (the timeline's highlight, the details panel, the map's markers), and the
// session commands, run by the workspace so one Ctrl+Z order covers knots,
// treatments and sessions. The details' view model is built between frames
// (prepare), never while the panel draws.
class SessionController {
public:
    // The visit the details panel shows, as last read (the test report).
    [[nodiscard]] const SessionDetailsModel* shownModel() const {
        return m_model ? &*m_model : nullptr;
    }
    SessionController(Workspace& workspace, KnotLogController& knotLog);

    // Between frames: reads the shown session's details again when the shown
    // session or the workspace's version moved. client null: none shown.
    void prepare(const ClientEntry* client);

    // The session the details, treatments and map show: the one the user
    // picked, else the client's newest. None when the client has none.
    [[nodiscard]] std::optional<Id> shownSession(const ClientEntry& client) const;
    // True when the user picked a session: the map then shows that session's
    // knots instead of every knot at its latest pain.
    [[nodiscard]] bool pinned(const ClientEntry& client) const;
    void select(Id sessionId) { m_picked = sessionId; }
    void followNewest() { m_picked.reset(); }

    void newSession(const ClientEntry& client, SessionKind kind);
    // Draws the shown session's details at the cursor and saves what the user did.
    void drawDetails(const ClientEntry& client, const Appearance& look);
    // Markers and heat for the pinned session's observations (empty when not pinned).
    void fillSessionMap(const ClientEntry& client, const Atlas& atlas,
                        std::vector<BodyMapMarker>& markers,
                        std::vector<std::optional<double>>& regionPain);

    // N: a new self check-in; Up/Down: the newer/older session. Only while no
    // text field has focus and no knot is open in the editor.
    void handleShortcuts(const ClientEntry& client);
    // Saves text still being typed in the details (the window is closing).
    void flushPendingEdits();
    // True once each time the shown session changed, so the timeline scrolls to it.
    [[nodiscard]] bool takeShownChanged(const ClientEntry& client);

private:
    // The prepared details when they are sessionId's, else null.
    [[nodiscard]] const SessionDetailsModel* model(Id sessionId) const;
    void apply(const SessionDetailsEvents& events, Id sessionId);

    Workspace& m_workspace;
    KnotLogController& m_knotLog;
    std::optional<Id> m_picked;
    std::optional<Id> m_lastShown; // for takeShownChanged
    std::optional<SessionDetailsModel> m_model;
    Id m_modelSession = 0;
    std::uint64_t m_modelVersion = ~std::uint64_t{0}; // the workspace's version it was read at
    std::uint64_t m_draftsEpoch = 0;                  // Workspace::draftsEpoch() last seen
    std::string m_readError;
    SessionDetailsState m_state;
    RecordHistoryState m_history; // the visit's History dialog, read when asked
};

} // namespace knotmap::ui
