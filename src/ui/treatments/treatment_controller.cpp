#include "ui/treatments/treatment_controller.h"

#include "core/treatment_text.h"
#include "core/record_amendment.h"
#include "store/treatment_commands.h"
#include "store/visit_amendments.h"
#include "ui/widgets/widgets.h"

#include <memory>

namespace knotmap::ui {

TreatmentController::TreatmentController(KnotLogController& knotLog, const Atlas& atlas)
    : m_knotLog(knotLog), m_atlas(atlas) {}

const TreatmentPanelModel* TreatmentController::model(Id sessionId) {
    sql::Connection& db = m_knotLog.database().sql();
    // SQLite counts every row this connection inserts, updates or deletes
    // (undo and redo included): a cheap counter, not a query, so reading it
    // each frame keeps the model fresh without touching the tables.
    const std::uint64_t changes = db.commitCount();
    if (sessionId != m_modelSession || changes != m_modelChanges) {
        m_modelSession = sessionId;
        m_modelChanges = changes;
        m_model.reset();
        m_readError.clear();
        try {
            m_model = buildTreatmentPanelModel(db, sessionId, m_atlas);
        } catch (const std::exception& error) {
            m_readError = std::string("The treatments could not be read: ") + error.what();
        }
    }
    return m_model ? &*m_model : nullptr;
}

void TreatmentController::draw(Id sessionId, const Appearance& look) {
    const TreatmentPanelModel* shown = model(sessionId);
    if (!m_readError.empty()) {
        textMuted(m_readError, look);
    }
    if (shown == nullptr) {
        return;
    }
    const TreatmentPanelEvents events = drawTreatmentPanel(*shown, m_state, look);
    sql::Connection& db = m_knotLog.database().sql();
    // The form closes only once its treatment is saved, so nothing typed is lost.
    if (events.add &&
        m_knotLog.executeShared(std::make_unique<AddTreatmentCommand>(db, *events.add))) {
        m_state.form = TreatmentFormState{};
    }
    if (events.update && m_state.form.amending) {
        amend(*events.update);
    } else if (events.update) {
        // "Save" without a change closes the form without an empty undo step.
        const bool unchanged =
            m_state.form.editing && sameTreatment(*m_state.form.editing, *events.update);
        if (unchanged ||
            m_knotLog.executeShared(std::make_unique<UpdateTreatmentCommand>(db, *events.update))) {
            m_state.form = TreatmentFormState{};
        }
    }
    if (events.remove) {
        if (m_state.form.editing && m_state.form.editing->id == *events.remove) {
            m_state.form = TreatmentFormState{};
        }
        m_knotLog.executeShared(std::make_unique<DeleteTreatmentCommand>(db, *events.remove));
    }
}

void TreatmentController::amend(const Treatment& corrected) {
    const std::optional<Treatment>& original = m_state.form.editing;
    if (!original) {
        return;
    }
    const std::vector<RecordAmendment> amendments = treatmentAmendments(
        *original, corrected, m_state.form.author, m_state.form.reason,
        LocalTimestamp::now().utcSeconds());
    if (amendments.empty()) {
        m_state.form = TreatmentFormState{};
        return;
    }
    sql::Connection& db = m_knotLog.database().sql();
    // Not an undo step: an amendment is part of the record once saved. All
    // fields in one transaction, so a refusal leaves none of them saved.
    if (m_knotLog.writeOutsideHistory("Amend treatment",
                                      [&db, amendments] { amendRecords(db, amendments); })) {
        m_state.form = TreatmentFormState{};
    }
}

} // namespace knotmap::ui
