#pragma once

#include "core/domain.h"
#include "core/observation_edit.h"
#include "core/undo_stack.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>

namespace knotmap {

// One field of a saved observation changed in the knot editor. Consecutive
// changes of the same field of the same observation merge into one undo step
// (a slider drag), unless the undo stack sealed the step in between.
class UpdateObservationCommand : public Command {
public:
    UpdateObservationCommand(sql::Connection& db, ObservationEdit edit);
    void apply() override;
    void revert() override;
    void forgetSeenVersion() override { m_expectedVersion = 0; }
    [[nodiscard]] std::string description() const override;
    bool mergeWith(const Command& next) override;

private:
    sql::Connection& m_db;
    ObservationEdit m_edit;
    // Read from the store on the first apply, so the edit changes only its own
    // field whatever the editor's copy of the other fields says.
    std::optional<Observation> m_before;
    std::optional<Observation> m_after;
    // The row version this command expects to find: the one the person saw,
    // then the one it wrote last. Undo and redo are refused, as the first
    // save is, when somebody else changed the rating in between.
    int m_expectedVersion = 0;
};

} // namespace knotmap
