#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "core/undo_stack.h"
#include "store/database.h"
#include "ui/knots/knot_editor_model.h"
#include "ui/knots/knot_editor_panel.h"
#include "ui/body_map/body_map_types.h"
#include "ui/workspace/pending_writes.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace knotmap::ui {

// Turns what the user does on the body map and in the knot editor into
// commands: applies them through the store, keeps them on the undo stack,
// tracks the observation being edited and tells the app when its view models
// must be rebuilt. Store failures become a message for the window.
class KnotLogController {
public:
    KnotLogController(Database& database, const Atlas& atlas);

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

    bool undo();
    bool redo();
    [[nodiscard]] const UndoStack& history() const { return m_history; }

    // For the window's other editors (clients, vocabularies): their commands
    // go on this same stack so Ctrl+Z undoes everything in the order it was
    // done. onLanded runs once it is saved (now, or later when another
    // program held the lock). True when saved or waiting to be saved; false
    // when the store refused, and the failure reaches the notice banner.
    bool executeShared(std::unique_ptr<Command> command, std::function<void()> onLanded = {});
    // For a change that is deliberately not on the undo stack (signing a
    // visit, an amendment): runs write, then marks the data changed, or
    // reports its failure. History::End also empties undo and redo once it
    // lands (signing: no earlier step may reach into the signed visit).
    // False when write threw.
    enum class History { Keep, End };
    bool writeOutsideHistory(const std::string& description, const std::function<void()>& write,
                             History history = History::Keep);
    [[nodiscard]] Database& database() { return m_database; }
    [[nodiscard]] const Atlas& atlas() const { return m_atlas; }

    [[nodiscard]] bool editorOpen();
    // The knot whose observation is open in the editor.
    [[nodiscard]] std::optional<Id> selectedKnot();
    // The map should report region clicks (toggleReferredRegion), not add knots.
    [[nodiscard]] bool pickingRegions();
    // The open observation's referred-pain regions, as atlas indices, for the map to highlight.
    [[nodiscard]] std::span<const int> referredRegions();
    // The client the last new knot was created for ("Me" on a new database).
    [[nodiscard]] std::optional<Id> lastClient() const { return m_lastClient; }

    // True once after the data changed: view models built from the store are stale.
    [[nodiscard]] bool takeDataChanged();
    // A failure the user must see (the change was not saved), once.
    [[nodiscard]] std::optional<std::string> takeError();
    // Saves notes still being typed (e.g. when the window closes).
    void flushPendingEdits();

    // Between frames: tries again the saves that met another program's lock.
    void retryWaitingSaves();
    // Saves made but not yet in the database (another program holds its lock).
    [[nodiscard]] std::size_t waitingSaves() const { return m_waiting.count(); }
    [[nodiscard]] std::string oldestWaitingSave() const { return m_waiting.oldestDescription(); }
    // True when saves wait for a server that went away, not for a lock.
    [[nodiscard]] bool waitingForServer() const {
        return m_waiting.waitReason() == PendingWrites::WaitReason::ServerGone;
    }
    // Knots clicked on the body whose saving waits: drawn muted on the map,
    // "Saving…" in their tooltip, until they land.
    [[nodiscard]] std::span<const BodyMapMarker> waitingKnots() const { return m_waitingKnots; }
    // For closing the window: keeps retrying, with the lock wait of a command,
    // until every waiting save landed or failed. False when some did not land.
    bool finishWaitingSaves();

private:
    // Applies the command and keeps it for undo; onLanded runs once it is
    // saved, now or (when another program holds the lock) on a later frame.
    // True when it was saved now; false when it waits or the store refused.
    bool execute(std::unique_ptr<Command> command, bool continuesGesture = false,
                 std::function<void()> onLanded = {});
    PendingWrites::Outcome submit(std::unique_ptr<Command> command, bool continuesGesture,
                                  std::function<void()> onLanded);
    void afterLanding();
    void select(Id observationId);
    const KnotEditorModel* editor(); // rebuilt from the store only when stale
    Id clientOrMe(std::optional<Id> clientId);
    void reportFailure(const std::string& action, const std::exception& error);

    Database& m_database;
    const Atlas& m_atlas;
    UndoStack m_history;
    PendingWrites m_waiting;
    std::vector<BodyMapMarker> m_waitingKnots;
    int m_waitingKnotSerial = 0; // tells the waiting markers apart
    std::optional<Id> m_selectedObservation;
    std::optional<KnotEditorModel> m_editor;
    bool m_editorStale = true;
    KnotEditorState m_editorState;
    std::optional<Id> m_lastClient;
    bool m_dataChanged = false;
    std::optional<std::string> m_error;
    int m_lastDeleteFrame = -1; // one Delete press deletes one knot, whoever saw it
};

} // namespace knotmap::ui
