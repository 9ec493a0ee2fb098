#include "store/observation_commands.h"

#include "store/observation_repository.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {

UpdateObservationCommand::UpdateObservationCommand(sql::Connection& db, ObservationEdit edit)
    : m_db(db), m_edit(std::move(edit)) {}

void UpdateObservationCommand::apply() {
    WriteTransaction transaction(m_db);
    ObservationRepository observations(m_db);
    if (m_after) {
        observations.update(*m_after);
        transaction.commit();
        return;
    }
    auto before = observations.get(m_edit.observationId);
    if (!before) {
        throw StoreError("observation " + std::to_string(m_edit.observationId) +
                         " no longer exists");
    }
    Observation after = *before;
    applyEdit(m_edit, after);
    observations.update(after);
    transaction.commit();
    m_before = std::move(before);
    m_after = std::move(after);
}

void UpdateObservationCommand::revert() {
    WriteTransaction transaction(m_db);
    ObservationRepository(m_db).update(*m_before);
    transaction.commit();
}

std::string UpdateObservationCommand::description() const {
    return std::string(editDescription(m_edit.field));
}

bool UpdateObservationCommand::mergeWith(const Command& next) {
    const auto* other = dynamic_cast<const UpdateObservationCommand*>(&next);
    if (other == nullptr || other->m_edit.observationId != m_edit.observationId ||
        other->m_edit.field != m_edit.field || !other->m_after) {
        return false;
    }
    // next started from this command's result, so this one's "before" and
    // next's "after" span both.
    m_after = other->m_after;
    m_edit = other->m_edit;
    return true;
}

} // namespace knotmap
