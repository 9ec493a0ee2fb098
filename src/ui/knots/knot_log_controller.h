#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "core/undo_stack.h"
#include "ui/body_map/body_map_types.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/knots/knot_editor_model.h"
#include "ui/knots/knot_editor_panel.h"
#include "ui/workspace/workspace.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace knotmap::ui {

// Turns what the user does on the body map and in the knot editor into
// commands on the workspace (its one undo stack, its saves that wait), and
// keeps the observation being edited. The editor's view model is built
// between frames (prepare), never while a panel draws.
class KnotLogController {
public:
    KnotLogController(Workspace& workspace, const Atlas& atlas);
    ~KnotLogController();
    KnotLogController(const KnotLogController&) = delete;
    KnotLogController& operator=(const KnotLogController&) = delete;

    // Between frames: reads the open observation again when the selection
    // or the workspace's version moved (not while saves wait: the editor
    // then shows the edits made in memory, "Saving…").
    void prepare();

    // A click on the body where no knot is: a new knot there, with today's
    // observation (pain 5, active trigger point), opened in the editor.
    // clientId empty: no client exists yet, so "Me" is created first.
    void addKnot(std::optional<Id> clientId, BodyView view, DiagramPoint point,
                 const std::string& regionCode);
    // A click on a knot: opens today's observation of it, logging one from
    // its latest values when there is none yet. When it was rated earlier
    // today, the editor offers "Log again now" (logKnotAgain).
    void logKnot(Id knotId);
    // A new rating of the knot at now, in a new self check-in, starting from
    // its latest values: the earlier rating today stays as it was.
    void logKnotAgain(Id knotId);
    void moveKnot(Id knotId, DiagramPoint point, const std::string& regionCode);
    void deleteKnot(Id knotId);
    // While picking referred regions: adds the region, or removes it when chosen already.
    void toggleReferredRegion(const std::string& regionCode);
    void closeEditor();

    // Draws the editor for the selected observation into the current window
    // and carries out what the user did there; nothing when none is selected.
    void drawEditor(const Appearance& look);
    // Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, and Delete deletes the
    // knot being edited unless the map already did this frame; all only
    // while no text field has focus.
    void handleShortcuts();

    [[nodiscard]] Workspace& workspace() { return m_workspace; }
    [[nodiscard]] const Atlas& atlas() const { return m_atlas; }

    [[nodiscard]] bool editorOpen() const { return m_editor.has_value(); }
    // The rating the editor shows, as last read: "shown-rating ID VERSION"
    // in the test report (tests of working side by side).
    [[nodiscard]] const KnotEditorModel* editorModel() const {
        return m_editor ? &*m_editor : nullptr;
    }
    // The knot whose observation is open in the editor.
    [[nodiscard]] std::optional<Id> selectedKnot() const;
    // The map should report region clicks (toggleReferredRegion), not add knots.
    [[nodiscard]] bool pickingRegions() const { return m_editor && m_editorState.pickingRegions; }
    // The open observation's referred-pain regions, as atlas indices, for the map to highlight.
    [[nodiscard]] std::span<const int> referredRegions() const;
    // The client the last new knot was created for ("Me" on a new database).
    [[nodiscard]] std::optional<Id> lastClient() const { return m_lastClient; }

    // Saves notes still being typed (another change comes first, or the window closes).
    void flushPendingEdits();

    // Knots clicked on the body whose saving waits: drawn muted on the map,
    // "Saving…" in their tooltip, until they land.
    [[nodiscard]] std::span<const BodyMapMarker> waitingKnots() const { return m_waitingKnots; }

private:
    // Applies the command on the workspace; true when it was saved now.
    bool execute(std::unique_ptr<Command> command, bool continuesGesture = false,
                 std::function<void()> onLanded = {});
    void select(Id observationId);
    Id clientOrMe(std::optional<Id> clientId);
    [[nodiscard]] sql::Connection& db() { return m_workspace.database().sql(); }

    Workspace& m_workspace;
    const Atlas& m_atlas;
    std::vector<BodyMapMarker> m_waitingKnots;
    int m_waitingKnotSerial = 0; // tells the waiting markers apart
    std::optional<Id> m_selectedObservation;
    std::optional<KnotEditorModel> m_editor; // built by prepare()
    RecordHistoryState m_history;            // the rating's "History" dialog
    std::optional<Id> m_editorObservation;   // what m_editor was built for
    std::uint64_t m_editorVersion = 0;       // the workspace's version it was built at
    KnotEditorState m_editorState;
    std::optional<Id> m_lastClient;
    int m_lastDeleteFrame = -1; // one Delete press deletes one knot, whoever saw it
};

} // namespace knotmap::ui
