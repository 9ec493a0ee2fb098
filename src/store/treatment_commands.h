#pragma once

#include "core/domain.h"
#include "core/undo_stack.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>
#include <vector>

// The undoable actions of the treatments section: add, change and delete what
// was done in a session. Each apply and revert is one transaction. The first
// apply picks the ids; redo puts back exactly those rows, so later commands on
// the stack that name them stay valid.
namespace knotmap {

// One knot a treatment was given to, with that knot's own pain around it.
struct TreatmentTarget {
    Id knotId = 0;
    std::optional<int> painBefore;
    std::optional<int> painAfter;
};

// What the "Add treatment" form holds. No targets: the whole session, with
// the session-level pain before and after.
struct NewTreatment {
    Id sessionId = 0;
    std::string kindCode;
    std::optional<int> minutes;
    std::optional<Intensity> intensity;
    std::string medication; // name and dose, for kind "medication"
    std::string notes;
    std::vector<TreatmentTarget> targets;
    std::optional<int> painBefore; // used only without targets
    std::optional<int> painAfter;
};

// Adds one treatment row per targeted knot (or one for the whole session),
// all in one transaction and one undo step.
class AddTreatmentCommand : public Command {
public:
    AddTreatmentCommand(sql::Connection& db, NewTreatment request);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Add treatment"; }

    // The rows written by the first apply, in target order.
    [[nodiscard]] const std::vector<Treatment>& treatments() const { return m_treatments; }

private:
    sql::Connection& m_db;
    NewTreatment m_request;
    std::vector<Treatment> m_treatments; // empty until the first apply succeeds
};

// Replaces every field of one treatment (its id stays).
class UpdateTreatmentCommand : public Command {
public:
    UpdateTreatmentCommand(sql::Connection& db, Treatment after);
    void apply() override;
    void revert() override;
    void forgetSeenVersion() override { m_expectedVersion = 0; }
    [[nodiscard]] std::string description() const override { return "Change treatment"; }

private:
    sql::Connection& m_db;
    Treatment m_after;                 // its version: the one the person saw
    std::optional<Treatment> m_before; // read from the store on the first apply
    int m_expectedVersion = 0;         // seen, then last written (store/row_version.h)

    void write(const Treatment& values);
};

// Deletes one treatment; undo restores it under its old id.
class DeleteTreatmentCommand : public Command {
public:
    DeleteTreatmentCommand(sql::Connection& db, Id treatmentId);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Delete treatment"; }

private:
    sql::Connection& m_db;
    Id m_treatmentId;
    std::optional<Treatment> m_deleted;
};

} // namespace knotmap
