#include "ui/knots/knot_log_controller.h"

#include "store/client_repository.h"
#include "store/knot_commands.h"
#include "store/knot_repository.h"
#include "store/observation_commands.h"
#include "store/store_error.h"
#include "store/todays_session.h"
#include "store/treatment_commands.h"
#include "store/visit_amendments.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <utility>

namespace knotmap::ui {

namespace {
// The name an individual's own body goes under when nobody was set up yet.
constexpr const char* kDefaultClientName = "Me";
} // namespace

KnotLogController::KnotLogController(Workspace& workspace, const Atlas& atlas)
    : m_workspace(workspace), m_atlas(atlas) {
    // Notes being typed are saved before any other change, whoever makes it.
    m_workspace.setTextFlush([this] { flushPendingEdits(); });
}

KnotLogController::~KnotLogController() {
    m_workspace.setTextFlush({});
}

bool KnotLogController::execute(std::unique_ptr<Command> command, bool continuesGesture,
                                std::function<void()> onLanded) {
    return m_workspace.submit(std::move(command), continuesGesture, std::move(onLanded)) ==
           PendingWrites::Outcome::Landed;
}

void KnotLogController::prepare() {
    if (!m_workspace.savesWaiting()) {
        m_waitingKnots.clear(); // landed, or given up and reported
    }
    const bool selectionMoved = m_selectedObservation != m_editorObservation;
    // While saves wait, the editor keeps showing what the person did (the
    // edits are applied to it in memory); once all landed, it is read again.
    const bool dataMoved = m_workspace.version() != m_editorVersion && !m_workspace.savesWaiting();
    if (!selectionMoved && !dataMoved) {
        return;
    }
    m_editorObservation = m_selectedObservation;
    m_editorVersion = m_workspace.version();
    m_editor.reset();
    if (m_selectedObservation) {
        try {
            // Empty when the observation is gone (its creation was undone,
            // its knot deleted); it comes back with the same id on redo.
            m_editor = buildKnotEditorModel(db(), *m_selectedObservation, m_atlas);
            if (m_editor) {
                m_editor->practiceName = m_workspace.practiceName();
            }
        } catch (const std::exception& error) {
            m_workspace.reportFailure("Couldn't read the knot", error);
        }
    }
    if (!m_editor) {
        m_editorState.pickingRegions = false;
    }
}

void KnotLogController::select(Id observationId) {
    if (m_selectedObservation != observationId) {
        m_selectedObservation = observationId;
    }
}

Id KnotLogController::clientOrMe(std::optional<Id> clientId) {
    if (clientId) {
        return *clientId;
    }
    ClientRepository clients(db());
    if (auto existing = clients.findByName(kDefaultClientName)) {
        return existing->id;
    }
    Client me;
    me.name = kDefaultClientName;
    clients.add(me);
    m_workspace.dataChanged();
    return me.id;
}

void KnotLogController::addKnot(std::optional<Id> clientId, BodyView view, DiagramPoint point,
                                const std::string& regionCode) {
    flushPendingEdits();
    NewKnot knot;
    try {
        knot.clientId = clientOrMe(clientId);
    } catch (const std::exception& error) {
        m_workspace.reportFailure("Couldn't create the client \u201CMe\u201D", error);
        return;
    }
    knot.view = view;
    knot.position = point;
    knot.regionCode = regionCode;
    auto command = std::make_unique<CreateKnotCommand>(db(), knot, LocalTimestamp::now());
    // The command lives on in the undo stack once it landed.
    const CreateKnotCommand* created = command.get();
    const int serial = ++m_waitingKnotSerial;
    const bool landed =
        execute(std::move(command), false, [this, created, serial, client = knot.clientId] {
            m_lastClient = client;
            select(created->observationId());
            std::erase_if(m_waitingKnots, [serial](const BodyMapMarker& marker) {
                return marker.knotId == -serial;
            });
        });
    if (!landed && m_workspace.savesWaiting()) {
        BodyMapMarker marker;
        marker.knotId = -serial; // never a saved knot's id
        marker.view = view;
        marker.position = {point.x, point.y};
        marker.pain = knot.pain;
        marker.resolved = true; // drawn small and muted until it is saved
        marker.title = regionDisplayName(m_atlas, regionCode);
        marker.detail = m_workspace.waitingForServer()
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
        const auto knot = KnotRepository(db()).get(knotId);
        if (!knot) {
            throw StoreError("knot " + std::to_string(knotId) + " no longer exists");
        }
        if (auto today = findTodaysObservation(db(), knot->clientId, knotId, now)) {
            select(today->id);
            m_editorState.offerLogAgainFor = today->id;
            return;
        }
    } catch (const std::exception& error) {
        m_workspace.reportFailure("Couldn't open the knot", error);
        return;
    }
    auto command = std::make_unique<LogObservationCommand>(db(), knotId, now);
    const LogObservationCommand* logged = command.get();
    execute(std::move(command), false, [this, logged] { select(logged->observationId()); });
}

void KnotLogController::logKnotAgain(Id knotId) {
    flushPendingEdits();
    m_editorState.offerLogAgainFor = 0;
    auto command = std::make_unique<LogObservationCommand>(
        db(), knotId, LocalTimestamp::now(), LogObservationCommand::Where::NewCheckIn);
    const LogObservationCommand* logged = command.get();
    execute(std::move(command), false, [this, logged] { select(logged->observationId()); });
}

void KnotLogController::moveKnot(Id knotId, DiagramPoint point, const std::string& regionCode) {
    if (knotRatedInSignedVisit(db(), knotId)) {
        m_workspace.reportError(
            "This knot was rated in a signed visit, so it keeps its place: where it was "
            "found is part of that record.");
        m_workspace.dataChanged(); // the map puts the dragged marker back
        return;
    }
    execute(std::make_unique<MoveKnotCommand>(db(), knotId, point, regionCode));
}

void KnotLogController::deleteKnot(Id knotId) {
    m_lastDeleteFrame = ImGui::GetFrameCount();
    if (knotRatedInSignedVisit(db(), knotId)) {
        m_workspace.reportError(
            "This knot was rated in a signed visit, so it is not deleted: its ratings are "
            "part of that record. Mark it resolved instead.");
        return;
    }
    flushPendingEdits();
    execute(std::make_unique<DeleteKnotCommand>(db(), knotId));
}

void KnotLogController::toggleReferredRegion(const std::string& regionCode) {
    const KnotEditorModel* model = m_editor ? &*m_editor : nullptr;
    if (model == nullptr) {
        return;
    }
    const Id observationId = model->observationId;
    auto codes = toggledCode(model->observation.referredRegionCodes, regionCode);
    execute(std::make_unique<UpdateObservationCommand>(
        db(), ObservationEdit::setReferredRegions(observationId, std::move(codes))));
}

void KnotLogController::closeEditor() {
    flushPendingEdits();
    m_selectedObservation.reset();
    m_editor.reset();
    m_editorObservation.reset();
    m_editorState.pickingRegions = false;
}

void KnotLogController::flushPendingEdits() {
    if (auto notes = takePendingNotes(m_editorState)) {
        execute(std::make_unique<UpdateObservationCommand>(db(), std::move(*notes)));
    }
}

std::optional<Id> KnotLogController::selectedKnot() const {
    return m_editor ? std::optional<Id>(m_editor->knotId) : std::nullopt;
}

std::span<const int> KnotLogController::referredRegions() const {
    return m_editor ? std::span<const int>(m_editor->referredRegionIndices)
                    : std::span<const int>();
}

void KnotLogController::drawEditor(const Appearance& look) {
    drawRecordHistoryDialog(m_history, look);
    // Notes typed for an observation that is no longer shown are saved first.
    if (m_editorState.notesObservation != m_selectedObservation.value_or(0)) {
        flushPendingEdits();
    }
    if (!m_editor) {
        return;
    }
    // Only prepare() rebuilds the model, so it stays put while the events
    // below are carried out; closing comes last.
    const KnotEditorModel& model = *m_editor;
    const Id knotId = model.knotId;
    const KnotEditorEvents events = drawKnotEditor(model, m_editorState, look);
    if (events.edit) {
        execute(std::make_unique<UpdateObservationCommand>(db(), *events.edit),
                events.editContinues);
        if (m_workspace.savesWaiting() && m_editor) {
            // Not in the database yet: the editor shows it as made, "Saving…".
            applyEdit(*events.edit, m_editor->observation);
        }
    }
    if (events.gestureEnded) {
        m_workspace.sealGesture();
    }
    if (!events.amendments.empty()) {
        // Not an undo step: an amendment is part of the record once saved.
        // All fields in one transaction: a refusal leaves none of them saved.
        sql::Connection& connection = db();
        m_workspace.writeOutsideHistory("Amend rating",
                                        [&connection, amendments = events.amendments] {
                                            amendRecords(connection, amendments);
                                        });
    }
    if (events.addTreatment) {
        execute(std::make_unique<AddTreatmentCommand>(db(), *events.addTreatment));
    }
    if (events.logAgain) {
        logKnotAgain(knotId);
    }
    if (events.deleteKnot) {
        deleteKnot(knotId);
    }
    if (events.showHistory) {
        const KnotEditorModel& shown = *m_editor;
        m_history = readRecordHistory(
            db(), ratingHistorySource(shown.observationId, "History of " + shown.title),
            [this](const std::string& code) {
                const AtlasRegion* region = m_atlas.findByCode(code);
                return region != nullptr ? region->displayName : code;
            });
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
            m_workspace.redo();
        } else {
            m_workspace.undo();
        }
    } else if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Y, false)) {
        m_workspace.redo();
    } else if (!io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) &&
               m_lastDeleteFrame != ImGui::GetFrameCount()) {
        if (const auto knot = selectedKnot()) {
            deleteKnot(*knot);
        }
    }
}

} // namespace knotmap::ui
