#include "ui/treatments/treatment_controller.h"

#include "core/record_amendment.h"
#include "core/treatment_text.h"
#include "store/treatment_commands.h"
#include "store/visit_amendments.h"
#include "ui/widgets/widgets.h"

#include <memory>

namespace knotmap::ui {

TreatmentController::TreatmentController(Workspace& workspace, const Atlas& atlas)
    : m_workspace(workspace), m_atlas(atlas) {}

void TreatmentController::prepare(std::optional<Id> sessionId) {
    const Id session = sessionId.value_or(0);
    if (session == m_modelSession && m_workspace.version() == m_modelVersion) {
        return;
    }
    m_modelSession = session;
    m_modelVersion = m_workspace.version();
    m_model.reset();
    m_readError.clear();
    if (session == 0) {
        return;
    }
    try {
        m_model = buildTreatmentPanelModel(m_workspace.database().sql(), session, m_atlas);
        if (m_model) {
            m_model->practiceName = m_workspace.practiceName();
        }
    } catch (const std::exception& error) {
        m_readError = std::string("The treatments could not be read: ") + error.what();
    }
}

void TreatmentController::draw(const Appearance& look) {
    drawRecordHistoryDialog(m_history, look);
    if (!m_readError.empty()) {
        textMuted(m_readError, look);
    }
    if (!m_model) {
        return;
    }
    // The model prepared between frames: when a session was picked earlier
    // in this frame, the next frame shows it.
    const TreatmentPanelModel& shown = *m_model;
    const TreatmentPanelEvents events = drawTreatmentPanel(shown, m_state, look);
    sql::Connection& db = m_workspace.database().sql();
    // The form closes only once its treatment is saved, so nothing typed is lost.
    if (events.add && m_workspace.execute(std::make_unique<AddTreatmentCommand>(db, *events.add))) {
        m_state.form = TreatmentFormState{};
    }
    if (events.update && m_state.form.amending) {
        amend(*events.update);
    } else if (events.update) {
        // "Save" without a change closes the form without an empty undo step.
        const bool unchanged =
            m_state.form.editing && sameTreatment(*m_state.form.editing, *events.update);
        if (unchanged ||
            m_workspace.execute(std::make_unique<UpdateTreatmentCommand>(db, *events.update))) {
            m_state.form = TreatmentFormState{};
        }
    }
    if (events.showHistory) {
        showHistory(*events.showHistory);
    }
    if (events.remove) {
        if (m_state.form.editing && m_state.form.editing->id == *events.remove) {
            m_state.form = TreatmentFormState{};
        }
        m_workspace.execute(std::make_unique<DeleteTreatmentCommand>(db, *events.remove));
    }
}

void TreatmentController::showHistory(Id treatmentId) {
    // "History of Heat", under it the session: "Sat 14 Mar 2026, 09:30 · Therapy visit".
    std::string title = "History of this treatment";
    const std::optional<Treatment>& shown = m_state.form.editing;
    if (m_model && shown) {
        for (const TreatmentKindChoice& kind : m_model->kinds) {
            if (kind.code == shown->kindCode) {
                title = "History of " + kind.name;
            }
        }
    }
    m_history =
        readRecordHistory(m_workspace.database().sql(),
                          treatmentHistorySource(treatmentId, std::move(title),
                                                 m_model ? m_model->sessionTitle : std::string()));
}

void TreatmentController::amend(const Treatment& corrected) {
    const std::optional<Treatment>& original = m_state.form.editing;
    if (!original) {
        return;
    }
    const std::vector<RecordAmendment> amendments =
        treatmentAmendments(*original, corrected, m_state.form.author, m_state.form.reason,
                            LocalTimestamp::now().utcSeconds());
    if (amendments.empty()) {
        m_state.form = TreatmentFormState{};
        return;
    }
    sql::Connection& db = m_workspace.database().sql();
    // Not an undo step: an amendment is part of the record once saved. All
    // fields in one transaction, so a refusal leaves none of them saved.
    if (m_workspace.writeOutsideHistory("Amend treatment",
                                        [&db, amendments] { amendRecords(db, amendments); })) {
        m_state.form = TreatmentFormState{};
    }
}

} // namespace knotmap::ui
