#include "ui/sessions/session_controller.h"

#include "store/amendment_repository.h"
#include "store/session_commands.h"
#include "store/visit_amendments.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <memory>

namespace knotmap::ui {

SessionController::SessionController(Workspace& workspace, KnotLogController& knotLog)
    : m_workspace(workspace), m_knotLog(knotLog) {}

std::optional<Id> SessionController::shownSession(const ClientEntry& client) const {
    if (client.sessions.empty()) {
        return std::nullopt;
    }
    if (pinned(client)) {
        return m_picked;
    }
    return client.sessions.front().id;
}

bool SessionController::pinned(const ClientEntry& client) const {
    // A picked session that was deleted (or belongs to another client) no longer counts.
    return m_picked && std::any_of(client.sessions.begin(), client.sessions.end(),
                                   [&](const SessionRow& row) { return row.id == *m_picked; });
}

bool SessionController::takeShownChanged(const ClientEntry& client) {
    const std::optional<Id> shown = shownSession(client);
    if (shown == m_lastShown) {
        return false;
    }
    m_lastShown = shown;
    return true;
}

void SessionController::newSession(const ClientEntry& client, SessionKind kind) {
    if (client.id == 0) {
        return; // the placeholder "Me" is saved with its first knot
    }
    auto command = std::make_unique<NewSessionCommand>(m_workspace.database().sql(), client.id,
                                                       kind, LocalTimestamp::now());
    const NewSessionCommand* created = command.get(); // the stack keeps it alive
    m_workspace.execute(std::move(command), [this, created] {
        m_picked = created->sessionId();
        m_knotLog.closeEditor();
    });
}

void SessionController::prepare(const ClientEntry* client) {
    const std::optional<Id> shown = client != nullptr ? shownSession(*client) : std::optional<Id>();
    const Id sessionId = shown.value_or(0);
    if (sessionId == m_modelSession && m_workspace.version() == m_modelVersion) {
        return;
    }
    if (m_workspace.draftsEpoch() != m_draftsEpoch) {
        // The person kept somebody else's change over what they had typed.
        m_draftsEpoch = m_workspace.draftsEpoch();
        m_state.draftsFor = 0;
    }
    m_modelSession = sessionId;
    m_modelVersion = m_workspace.version();
    m_model.reset();
    m_readError.clear();
    if (sessionId == 0) {
        return;
    }
    try {
        m_model =
            buildSessionDetailsModel(m_workspace.database().sql(), sessionId, m_knotLog.atlas());
        if (m_model) {
            m_model->practiceName = m_workspace.practiceName();
            resetDrafts(*m_model, m_state);
        }
    } catch (const std::exception& error) {
        m_readError = std::string("The session could not be read: ") + error.what();
    }
}

const SessionDetailsModel* SessionController::model(Id sessionId) const {
    return m_model && m_modelSession == sessionId ? &*m_model : nullptr;
}

void SessionController::drawDetails(const ClientEntry& client, const Appearance& look) {
    drawRecordHistoryDialog(m_history, look);
    const std::optional<Id> sessionId = shownSession(client);
    if (!sessionId) {
        textMuted("No session yet. Click the body map to log a knot, or start a new session.",
                  look);
        return;
    }
    if (!m_readError.empty()) {
        textMuted(m_readError, look);
    }
    // The details prepared between frames: when a session was picked earlier
    // in this frame they are still the previous one's for this frame, and
    // what the person does applies to the session drawn.
    if (m_model) {
        const Id drawn = m_modelSession;
        const SessionDetailsEvents events = drawSessionDetails(*m_model, m_state, look);
        if (events.showHistory) {
            m_history =
                readRecordHistory(m_workspace.database().sql(),
                                  visitHistorySource(drawn, "History of " + m_model->title));
        }
        apply(events, drawn);
    }
}

void SessionController::apply(const SessionDetailsEvents& events, Id sessionId) {
    sql::Connection& db = m_workspace.database().sql();
    if (events.update) {
        m_workspace.execute(std::make_unique<UpdateSessionDetailsCommand>(
            db, sessionId, events.update->first, events.update->second, events.updateBaseVersion));
    }
    if (events.newTime) {
        m_workspace.execute(
            std::make_unique<ChangeSessionTimeCommand>(db, sessionId, *events.newTime));
    }
    if (events.amend) {
        // Not an undo step: an amendment is part of the record once saved
        // (store/visit_amendments.h). By value, like signing below.
        m_workspace.writeOutsideHistory("Amend visit", [&db, amendment = *events.amend]() mutable {
            amendSession(db, amendment);
        });
    }
    if (events.signAs) {
        // Not a command: signing cannot be undone (docs/sessions.md), so the
        // dialog asked first. It also ends the undo history, so that no
        // earlier step can reach into the signed visit.
        // By value: the write may wait for another program's lock and run
        // on a later frame, signed at the moment the person signed.
        m_workspace.writeOutsideHistory(
            "Sign visit",
            [&db, sessionId,
             signature = SessionSignature{*events.signAs, LocalTimestamp::now().utcSeconds()}] {
                AmendmentRepository(db).sign(sessionId, signature);
            },
            Workspace::History::End);
    }
    if (events.deleteSession) {
        m_workspace.execute(std::make_unique<DeleteSessionCommand>(db, sessionId));
        m_picked.reset();
    }
}

void SessionController::fillSessionMap(const ClientEntry& client, const Atlas& atlas,
                                       std::vector<BodyMapMarker>& markers,
                                       std::vector<std::optional<double>>& regionPain) {
    markers.clear();
    regionPain.clear();
    if (!pinned(client)) {
        return;
    }
    const SessionDetailsModel* shown = model(*m_picked);
    if (shown == nullptr) {
        return;
    }
    regionPain.assign(atlas.regions().size(), std::nullopt);
    // The newest session is where the next click goes (a check-in just
    // started with N, say): every knot of the client stays on the map, so a
    // click on one logs it again rather than placing a new knot on top.
    if (client.sessions.front().id == *m_picked) {
        markers = client.markers;
        for (BodyMapMarker& marker : markers) {
            const auto rated =
                std::find_if(shown->knotPain.begin(), shown->knotPain.end(),
                             [&](const auto& knotPain) { return knotPain.first == marker.knotId; });
            if (rated != shown->knotPain.end()) {
                marker.pain = rated->second;
                marker.resolved = false;
                marker.detail = shown->title;
            }
        }
        regionPain = client.regionPain; // the client's own shading, as when nothing is pinned
        return;
    }
    // The client's markers carry position, title and region; this session's
    // observations decide which appear and how they are coloured.
    for (const auto& [knotId, pain] : shown->knotPain) {
        const auto found = std::find_if(client.markers.begin(), client.markers.end(),
                                        [&](const BodyMapMarker& m) { return m.knotId == knotId; });
        if (found == client.markers.end()) {
            continue;
        }
        BodyMapMarker marker = *found;
        marker.pain = pain;
        marker.resolved = false; // it was there in this session
        marker.detail = shown->title;
        markers.push_back(marker);
        if (const AtlasHit hit = atlas.hitTest(marker.view, marker.position)) {
            auto& heat = regionPain[static_cast<std::size_t>(hit.region->index)];
            heat = std::max(heat.value_or(0.0), static_cast<double>(pain));
        }
    }
}

void SessionController::handleShortcuts(const ClientEntry& client) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper || m_knotLog.editorOpen() ||
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        return;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_N, false) && !io.KeyShift) {
        newSession(client, SessionKind::SelfCheckIn);
        return;
    }
    const bool up = ImGui::IsKeyPressed(GLFW_KEY_UP, true);
    const bool down = ImGui::IsKeyPressed(GLFW_KEY_DOWN, true);
    const std::optional<Id> current = shownSession(client);
    if ((!up && !down) || !current) {
        return;
    }
    // The timeline lists the newest first: Up goes to a newer session.
    const auto& rows = client.sessions;
    const auto at = std::find_if(rows.begin(), rows.end(),
                                 [&](const SessionRow& row) { return row.id == *current; });
    const auto index = static_cast<std::ptrdiff_t>(at - rows.begin());
    const std::ptrdiff_t next = std::clamp<std::ptrdiff_t>(
        index + (down ? 1 : -1), 0, static_cast<std::ptrdiff_t>(rows.size()) - 1);
    m_picked = rows[static_cast<std::size_t>(next)].id;
}

void SessionController::flushPendingEdits() {
    if (!m_model || m_model->signature || m_state.draftsFor != m_model->session.id) {
        return;
    }
    // Text fields save when they lose focus; Ctrl+Q while typing never lets
    // that happen. Ratings and chips save at once, so only text can be pending.
    const Session saved = m_model->session;
    for (const SessionField field :
         {SessionField::Notes, SessionField::Therapist, SessionField::Subjective,
          SessionField::Objective, SessionField::Assessment, SessionField::Plan}) {
        const std::string& draft = m_state.drafts[static_cast<std::size_t>(field)];
        if (draft != fieldText(saved, field)) {
            m_workspace.execute(std::make_unique<UpdateSessionDetailsCommand>(
                m_workspace.database().sql(), saved.id, field, draft,
                m_state.draftVersions[static_cast<std::size_t>(field)]));
        }
    }
}

} // namespace knotmap::ui
