#include "store/treatment_commands.h"

#include "store/row_version.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {
namespace {

Treatment requireTreatment(sql::Connection& db, Id treatmentId) {
    auto treatment = TreatmentRepository(db).get(treatmentId);
    if (!treatment) {
        throw StoreError("treatment " + std::to_string(treatmentId) + " no longer exists");
    }
    return std::move(*treatment);
}

Treatment rowFor(const NewTreatment& request) {
    Treatment row;
    row.sessionId = request.sessionId;
    row.kindCode = request.kindCode;
    row.minutes = request.minutes;
    row.intensity = request.intensity;
    row.medication = request.medication;
    row.notes = request.notes;
    row.painBefore = request.painBefore;
    row.painAfter = request.painAfter;
    return row;
}

} // namespace

// --- AddTreatmentCommand ------------------------------------------------------

AddTreatmentCommand::AddTreatmentCommand(sql::Connection& db, NewTreatment request)
    : m_db(db), m_request(std::move(request)) {}

void AddTreatmentCommand::apply() {
    WriteTransaction transaction(m_db);
    TreatmentRepository repository(m_db);
    if (!m_treatments.empty()) {
        for (const Treatment& treatment : m_treatments) {
            repository.restore(treatment);
        }
        transaction.commit();
        return;
    }
    // Built aside and kept only after the commit, so a failed apply leaves
    // the command as it was.
    std::vector<Treatment> written;
    if (m_request.targets.empty()) {
        written.push_back(rowFor(m_request));
    }
    for (const TreatmentTarget& target : m_request.targets) {
        Treatment row = rowFor(m_request);
        row.knotId = target.knotId;
        row.painBefore = target.painBefore;
        row.painAfter = target.painAfter;
        written.push_back(std::move(row));
    }
    for (Treatment& row : written) {
        repository.add(row);
    }
    transaction.commit();
    m_treatments = std::move(written);
}

void AddTreatmentCommand::revert() {
    WriteTransaction transaction(m_db);
    TreatmentRepository repository(m_db);
    for (const Treatment& treatment : m_treatments) {
        repository.remove(treatment.id);
    }
    transaction.commit();
}

// --- UpdateTreatmentCommand ---------------------------------------------------

UpdateTreatmentCommand::UpdateTreatmentCommand(sql::Connection& db, Treatment after)
    : m_db(db), m_after(std::move(after)), m_expectedVersion(m_after.version) {}

// Writes values over the treatment as it is now, if nobody else changed it
// since this command last saw it.
void UpdateTreatmentCommand::write(const Treatment& values) {
    WriteTransaction transaction(m_db);
    Treatment now = requireTreatment(m_db, values.id);
    requireUnchangedSince(m_db, "treatment", "treatment", values.id, m_expectedVersion,
                          now.version);
    Treatment written = values;
    written.version = now.version;
    const int version = TreatmentRepository(m_db).update(written);
    transaction.commit();
    if (!m_before) {
        m_before = std::move(now);
    }
    m_expectedVersion = version;
}

void UpdateTreatmentCommand::apply() {
    write(m_after);
}

void UpdateTreatmentCommand::revert() {
    write(*m_before);
}

// --- DeleteTreatmentCommand ---------------------------------------------------

DeleteTreatmentCommand::DeleteTreatmentCommand(sql::Connection& db, Id treatmentId)
    : m_db(db), m_treatmentId(treatmentId) {}

void DeleteTreatmentCommand::apply() {
    WriteTransaction transaction(m_db);
    Treatment deleted = requireTreatment(m_db, m_treatmentId);
    TreatmentRepository(m_db).remove(m_treatmentId);
    transaction.commit();
    m_deleted = std::move(deleted);
}

void DeleteTreatmentCommand::revert() {
    WriteTransaction transaction(m_db);
    TreatmentRepository(m_db).restore(*m_deleted);
    transaction.commit();
}

} // namespace knotmap
