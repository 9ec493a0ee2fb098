#include "store/observation_commands.h"

#include "store/observation_repository.h"
#include "store/row_version.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {

UpdateObservationCommand::UpdateObservationCommand(sql::Connection& db, ObservationEdit edit)
    : m_db(db), m_edit(std::move(edit)), m_expectedVersion(m_edit.baseVersion) {}

namespace {

Observation requireObservation(ObservationRepository& observations, Id id) {
    auto found = observations.get(id);
    if (!found) {
        throw StoreError("observation " + std::to_string(id) + " no longer exists");
    }
    return *found;
}

// Writes target over the rating as it is now, if nobody else changed it
// since this command last saw it; returns the new version.
int writeOver(sql::Connection& db, ObservationRepository& observations, const Observation& now,
              Observation target, int expected) {
    requireUnchangedSince(db, "observation", "rating", now.id, expected, now.version);
    target.version = now.version;
    return observations.update(target);
}

} // namespace

void UpdateObservationCommand::apply() {
    WriteTransaction transaction(m_db);
    ObservationRepository observations(m_db);
    const Observation now = requireObservation(observations, m_edit.observationId);
    if (m_after) { // redo
        const int version = writeOver(m_db, observations, now, *m_after, m_expectedVersion);
        transaction.commit();
        m_expectedVersion = version;
        return;
    }
    Observation after = now;
    applyEdit(m_edit, after);
    const int version = writeOver(m_db, observations, now, after, m_expectedVersion);
    transaction.commit();
    m_before = now;
    m_after = std::move(after);
    m_expectedVersion = version;
}

void UpdateObservationCommand::revert() {
    WriteTransaction transaction(m_db);
    ObservationRepository observations(m_db);
    const Observation now = requireObservation(observations, m_before->id);
    const int version = writeOver(m_db, observations, now, *m_before, m_expectedVersion);
    transaction.commit();
    m_expectedVersion = version;
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
    m_expectedVersion = other->m_expectedVersion;
    return true;
}

} // namespace knotmap
