#include "ui/knots/knot_log_controller.h"

#include "store/client_repository.h"
#include "store/knot_commands.h"
#include "store/knot_repository.h"
#include "store/observation_commands.h"
#include "store/store_error.h"
#include "store/treatment_commands.h"
#include "store/todays_session.h"
#include "store/visit_amendments.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <thread>
#include <utility>

namespace knotmap::ui {

namespace {
// The name an individual's own body goes under when nobody was set up yet.
constexpr const char* kDefaultClientName = "Me";
} // namespace

KnotLogController::KnotLogController(Database& database, const Atlas& atlas)
    : m_database(database), m_atlas(atlas), m_waiting(database) {
    // A click must never freeze the window for long: a save that meets a
    // lock waits briefly, then queues and is retried between frames.
    m_database.setBusyTimeout(kWindowBusyTimeoutMs);
}

void KnotLogController::afterLanding() {
    // While saves wait, the editor keeps showing what the person did (the
    // edits are applied to it in memory); once all landed, it is read again.
    if (!m_waiting.waiting()) {
        m_editorStale = true;
    }
    m_dataChanged = true;
}

bool KnotLogController::execute(std::unique_ptr<Command> command, bool continuesGesture,
                                std::function<void()> onLanded) {
    return submit(std::move(command), continuesGesture, std::move(onLanded)) ==
           PendingWrites::Outcome::Landed;
}

PendingWrites::Outcome KnotLogController::submit(std::unique_ptr<Command> command,
                                                 bool continuesGesture,
                                                 std::function<void()> onLanded) {
    const std::string description = command->description();
    // Shared so the write can be tried again: the undo stack takes the
    // command only once it applied.
    auto pending = std::make_shared<std::unique_ptr<Command>>(std::move(command));
    PendingWrites::Write write;
    write.description = description;
    write.attempt = [this, pending, continuesGesture] {
        m_history.execute(std::move(*pending));
        if (!continuesGesture) {
            m_history.sealNewest();
        }
    };
    write.onLanded = [this, landed = std::move(onLanded)] {
        if (landed) {
            landed();
        }
        afterLanding();
    };
    std::string error;
    const PendingWrites::Outcome outcome = m_waiting.submit(std::move(write), error);
    if (outcome == PendingWrites::Outcome::Failed) {
        m_error = "Couldn\u2019t save \u201C" + description + "\u201D: " + error + " (" +
                  m_database.describe() + ")";
        m_editorStale = true;
    }
    return outcome;
}

void KnotLogController::retryWaitingSaves() {
    std::string error;
    std::string failed;
    m_waiting.retry(error, failed);
    if (!error.empty()) {
        m_error = "Couldn\u2019t save \u201C" + failed + "\u201D: " + error + " (" +
                  m_database.describe() + ")";
        m_editorStale = true;
        m_dataChanged = true;
    }
    if (!m_waiting.waiting()) {
        m_waitingKnots.clear(); // landed, or given up and reported
    }
}

bool KnotLogController::finishWaitingSaves() {
    // As long as a command would wait for the lock, then give up and say so.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kCommandBusyTimeoutMs);
    bool allLanded = true;
    while (m_waiting.waiting() && std::chrono::steady_clock::now() < deadline) {
        std::string error;
        std::string failed;
        m_waiting.retry(error, failed, 1000);
        if (!error.empty()) {
            m_error = "Couldn\u2019t save \u201C" + failed + "\u201D: " + error + " (" +
                      m_database.describe() + ")";
            allLanded = false;
        }
        if (m_waiting.waiting()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    if (m_waiting.waiting()) {
        const std::string seconds = std::to_string(kCommandBusyTimeoutMs / 1000) + " s";
        m_error = std::to_string(m_waiting.count()) + " change(s) could not be saved: " +
                  (waitingForServer() ? m_database.describe() + " could not be reached for " + seconds
                                      : "another program kept " + m_database.describe() +
                                            " locked for " + seconds);
        return false;
    }
    return allLanded;
}

bool KnotLogController::executeShared(std::unique_ptr<Command> command,
                                      std::function<void()> onLanded) {
    flushPendingEdits(); // notes being typed become their own, earlier step
    return submit(std::move(command), false, std::move(onLanded)) !=
           PendingWrites::Outcome::Failed;
}

bool KnotLogController::writeOutsideHistory(const std::string& description,
                                            const std::function<void()>& write,
                                            History history) {
    flushPendingEdits();
    PendingWrites::Write pending;
    pending.description = description;
    pending.attempt = write;
    pending.onLanded = [this, history] {
        if (history == History::End) {
            m_history.clear();
        }
        afterLanding();
    };
    std::string error;
    const PendingWrites::Outcome outcome = m_waiting.submit(std::move(pending), error);
    if (outcome == PendingWrites::Outcome::Failed) {
        m_error = "Couldn\u2019t save \u201C" + description + "\u201D: " + error + " (" +
                  m_database.describe() + ")";
        return false;
    }
    return true;
}

void KnotLogController::reportFailure(const std::string& action, const std::exception& error) {
    // SQLite's own messages do not say which file they are about.
    m_error = action + ": " + error.what() + " (" + m_database.describe() + ")";
}

void KnotLogController::select(Id observationId) {
    if (m_selectedObservation != observationId) {
        m_selectedObservation = observationId;
        m_editorStale = true;
    }
}

Id KnotLogController::clientOrMe(std::optional<Id> clientId) {
    if (clientId) {
        return *clientId;
    }
    ClientRepository clients(m_database.sql());
    if (auto existing = clients.findByName(kDefaultClientName)) {
        return existing->id;
    }
    Client me;
    me.name = kDefaultClientName;
    clients.add(me);
    m_dataChanged = true;
    return me.id;
}

void KnotLogController::addKnot(std::optional<Id> clientId, BodyView view, DiagramPoint point,
                                const std::string& regionCode) {
    flushPendingEdits();
    NewKnot knot;
    try {
        knot.clientId = clientOrMe(clientId);
    } catch (const std::exception& error) {
        reportFailure("Couldn't create the client \u201CMe\u201D", error);
        return;
    }
    knot.view = view;
    knot.position = point;
    knot.regionCode = regionCode;
    auto command =
        std::make_unique<CreateKnotCommand>(m_database.sql(), knot, LocalTimestamp::now());
    // The command lives on in the undo stack once it landed.
    const CreateKnotCommand* created = command.get();
    const int serial = ++m_waitingKnotSerial;
    const bool landed = execute(std::move(command), false, [this, created, serial, client = knot.clientId] {
        m_lastClient = client;
        select(created->observationId());
        std::erase_if(m_waitingKnots, [serial](const BodyMapMarker& marker) {
            return marker.knotId == -serial;
        });
    });
    if (!landed && m_waiting.waiting()) {
        BodyMapMarker marker;
        marker.knotId = -serial; // never a saved knot's id
        marker.view = view;
        marker.position = {point.x, point.y};
        marker.pain = knot.pain;
        marker.resolved = true; // drawn small and muted until it is saved
        marker.title = regionDisplayName(m_atlas, regionCode);
        marker.detail = waitingForServer()
                            ? "Not saved yet: the server cannot be reached"
                            : "Saving\u2026 another program is writing to the database";
        marker.regionCode = regionCode;
        m_waitingKnots.push_back(std::move(marker));
    }
}

void KnotLogController::logKnot(Id knotId) {
    flushPendingEdits();
    m_editorState.offerLogAgainFor = 0;
    const LocalTimestamp now = LocalTimestamp::now();
    try {
        const auto knot = KnotRepository(m_database.sql()).get(knotId);
        if (!knot) {
            throw StoreError("knot " + std::to_string(knotId) + " no longer exists");
        }
        if (auto today = findTodaysObservation(m_database.sql(), knot->clientId, knotId, now)) {
            select(today->id);
            m_editorState.offerLogAgainFor = today->id;
            return;
        }
    } catch (const std::exception& error) {
        reportFailure("Couldn't open the knot", error);
        return;
    }
    auto command = std::make_unique<LogObservationCommand>(m_database.sql(), knotId, now);
    const LogObservationCommand* logged = command.get();
    execute(std::move(command), false, [this, logged] { select(logged->observationId()); });
}

void KnotLogController::logKnotAgain(Id knotId) {
    flushPendingEdits();
    m_editorState.offerLogAgainFor = 0;
    auto command = std::make_unique<LogObservationCommand>(
        m_database.sql(), knotId, LocalTimestamp::now(), LogObservationCommand::Where::NewCheckIn);
    const LogObservationCommand* logged = command.get();
    execute(std::move(command), false, [this, logged] { select(logged->observationId()); });
}

void KnotLogController::moveKnot(Id knotId, DiagramPoint point, const std::string& regionCode) {
    if (knotRatedInSignedVisit(m_database.sql(), knotId)) {
        m_error = "This knot was rated in a signed visit, so it keeps its place: where it was "
                  "found is part of that record.";
        m_dataChanged = true; // the map puts the dragged marker back
        return;
    }
    execute(std::make_unique<MoveKnotCommand>(m_database.sql(), knotId, point, regionCode));
}

void KnotLogController::deleteKnot(Id knotId) {
    m_lastDeleteFrame = ImGui::GetFrameCount();
    if (knotRatedInSignedVisit(m_database.sql(), knotId)) {
        m_error = "This knot was rated in a signed visit, so it is not deleted: its ratings are "
                  "part of that record. Mark it resolved instead.";
        return;
    }
    flushPendingEdits();
    execute(std::make_unique<DeleteKnotCommand>(m_database.sql(), knotId));
}

void KnotLogController::toggleReferredRegion(const std::string& regionCode) {
    const KnotEditorModel* model = editor();
    if (model == nullptr) {
        return;
    }
    const Id observationId = model->observationId;
    auto codes = toggledCode(model->observation.referredRegionCodes, regionCode);
    execute(std::make_unique<UpdateObservationCommand>(
        m_database.sql(), ObservationEdit::setReferredRegions(observationId, std::move(codes))));
}

void KnotLogController::closeEditor() {
    flushPendingEdits();
    m_selectedObservation.reset();
    m_editor.reset();
    m_editorStale = false;
    m_editorState.pickingRegions = false;
}

void KnotLogController::flushPendingEdits() {
    if (auto notes = takePendingNotes(m_editorState)) {
        execute(std::make_unique<UpdateObservationCommand>(m_database.sql(), std::move(*notes)));
    }
}

const KnotEditorModel* KnotLogController::editor() {
    if (m_editorStale) {
        m_editorStale = false;
        m_editor.reset();
        if (m_selectedObservation) {
            try {
                // Empty when the observation is gone (its creation was undone,
                // its knot deleted); it comes back with the same id on redo.
                m_editor = buildKnotEditorModel(m_database.sql(), *m_selectedObservation, m_atlas);
            } catch (const std::exception& error) {
                reportFailure("Couldn't read the knot", error);
            }
        }
    }
    return m_editor ? &*m_editor : nullptr;
}

bool KnotLogController::editorOpen() {
    return editor() != nullptr;
}

std::optional<Id> KnotLogController::selectedKnot() {
    const KnotEditorModel* model = editor();
    return model != nullptr ? std::optional<Id>(model->knotId) : std::nullopt;
}

bool KnotLogController::pickingRegions() {
    if (editor() == nullptr) {
        m_editorState.pickingRegions = false;
    }
    return m_editorState.pickingRegions;
}

std::span<const int> KnotLogController::referredRegions() {
    const KnotEditorModel* model = editor();
    return model != nullptr ? std::span<const int>(model->referredRegionIndices)
                            : std::span<const int>();
}

void KnotLogController::drawEditor(const Appearance& look) {
    // Notes typed for an observation that is no longer shown are saved first.
    if (m_editorState.notesObservation != m_selectedObservation.value_or(0)) {
        flushPendingEdits();
    }
    const KnotEditorModel* model = editor();
    if (model == nullptr) {
        return;
    }
    const Id knotId = model->knotId; // model is rebuilt by the commands below
    const KnotEditorEvents events = drawKnotEditor(*model, m_editorState, look);
    if (events.edit) {
        execute(std::make_unique<UpdateObservationCommand>(m_database.sql(), *events.edit),
                events.editContinues);
        if (m_waiting.waiting() && m_editor) {
            // Not in the database yet: the editor shows it as made, "Saving…".
            applyEdit(*events.edit, m_editor->observation);
        }
    }
    if (events.gestureEnded) {
        m_history.sealNewest();
    }
    if (!events.amendments.empty()) {
        // Not an undo step: an amendment is part of the record once saved.
        // All fields in one transaction: a refusal leaves none of them saved.
        sql::Connection& db = m_database.sql();
        writeOutsideHistory("Amend rating", [&db, amendments = events.amendments] {
            amendRecords(db, amendments);
        });
    }
    if (events.addTreatment) {
        execute(std::make_unique<AddTreatmentCommand>(m_database.sql(), *events.addTreatment));
    }
    if (events.logAgain) {
        logKnotAgain(knotId);
    }
    if (events.deleteKnot) {
        deleteKnot(knotId);
    }
    if (events.close) {
        closeEditor();
    }
}

void KnotLogController::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyAlt) {
        return; // a text field has its own undo and its own Delete
    }
    // No key repeat: one press is one step, even when a slow frame makes a
    // short press look held.
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
        if (io.KeyShift) {
            redo();
        } else {
            undo();
        }
    } else if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Y, false)) {
        redo();
    } else if (!io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) &&
               m_lastDeleteFrame != ImGui::GetFrameCount()) {
        if (const auto knot = selectedKnot()) {
            deleteKnot(*knot);
        }
    }
}

bool KnotLogController::undo() {
    flushPendingEdits();
    if (m_waiting.waiting()) {
        m_error = "Still saving \u201C" + m_waiting.oldestDescription() +
                  "\u201D: another program is writing to the database. Undo once it is saved.";
        return false;
    }
    if (!m_history.canUndo()) {
        return false;
    }
    const std::string description = m_history.undoDescription();
    try {
        m_history.undo();
    } catch (const std::exception& error) {
        reportFailure("Couldn't undo \u201C" + description + "\u201D", error);
        return false;
    }
    m_editorStale = true;
    m_dataChanged = true;
    return true;
}

bool KnotLogController::redo() {
    if (m_waiting.waiting()) {
        m_error = "Still saving \u201C" + m_waiting.oldestDescription() +
                  "\u201D: another program is writing to the database. Redo once it is saved.";
        return false;
    }
    if (!m_history.canRedo()) {
        return false;
    }
    const std::string description = m_history.redoDescription();
    try {
        m_history.redo();
    } catch (const std::exception& error) {
        reportFailure("Couldn't redo \u201C" + description + "\u201D", error);
        return false;
    }
    m_editorStale = true;
    m_dataChanged = true;
    return true;
}

bool KnotLogController::takeDataChanged() {
    return std::exchange(m_dataChanged, false);
}

std::optional<std::string> KnotLogController::takeError() {
    return std::exchange(m_error, {});
}

} // namespace knotmap::ui
