#pragma once

#include "core/domain.h"
#include "core/undo_stack.h"
#include "store/knot_snapshot.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>

// The undoable actions of logging knots on the body map. Each apply and
// revert is one transaction through the repositories. The first apply picks
// ids and today's session; redo puts back exactly those rows, ids included,
// so later commands on the stack that name them stay valid.
namespace knotmap {

// Shared by the commands that add an observation to today's session: undo
// also removes the session when the command created it.
class NewObservationCommand : public Command {
public:
    void revert() override;

    [[nodiscard]] Id observationId() const { return m_observation.id; }
    [[nodiscard]] Id sessionId() const { return m_observation.sessionId; }
    [[nodiscard]] Id knotId() const { return m_observation.knotId; }

protected:
    NewObservationCommand(sql::Connection& db, LocalTimestamp now) : m_db(db), m_now(now) {}
    // Restores the session (when this command created it) inside the caller's transaction.
    void restoreSession();
    // Called by revert inside its transaction, after the observation is gone.
    virtual void removeExtras() {}

    sql::Connection& m_db;
    LocalTimestamp m_now;
    bool m_applied = false;              // apply has run once: later applies are redos
    std::optional<Session> m_newSession; // today's session, when this command created it
    Observation m_observation;
};

struct NewKnot {
    Id clientId = 0;
    BodyView view = BodyView::Front;
    DiagramPoint position;
    std::string regionCode;
    int pain = 5;
    ObservationKind kind = ObservationKind::ActiveTriggerPoint;
};

// A click on the body: a new knot and its first observation in today's session.
class CreateKnotCommand : public NewObservationCommand {
public:
    CreateKnotCommand(sql::Connection& db, NewKnot knot, LocalTimestamp now);
    void apply() override;
    [[nodiscard]] std::string description() const override { return "Add knot"; }

protected:
    void removeExtras() override;

private:
    NewKnot m_request;
    Knot m_knot;
};

// A click on a known knot: today's observation of it, with pain, kind and
// symptoms taken from its latest observation (notes and referrals start empty).
// A resolved knot that is logged again has come back: it becomes active.
// NewCheckIn is "Log again now" for a knot already rated today: the rating
// goes into a new self check-in at now, so the earlier one stays as it was.
class LogObservationCommand : public NewObservationCommand {
public:
    enum class Where { TodaysSession, NewCheckIn };
    LogObservationCommand(sql::Connection& db, Id knotId, LocalTimestamp now,
                          Where where = Where::TodaysSession);
    void apply() override;
    [[nodiscard]] std::string description() const override {
        return m_where == Where::NewCheckIn ? "Log knot again" : "Log knot";
    }

protected:
    void removeExtras() override;

private:
    void setKnotStatus(KnotStatus status);

    Id m_knotId;
    Where m_where;
    bool m_reactivated = false; // the knot was resolved and this command made it active
};

// A marker dragged to a new spot (and maybe into another region).
class MoveKnotCommand : public Command {
public:
    MoveKnotCommand(sql::Connection& db, Id knotId, DiagramPoint position, std::string regionCode);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Move knot"; }

private:
    sql::Connection& m_db;
    Id m_knotId;
    DiagramPoint m_position;
    std::string m_regionCode;
    std::optional<Knot> m_before;
};

// Deletes a knot with its observations and treatments; undo restores them all
// under their old ids.
class DeleteKnotCommand : public Command {
public:
    DeleteKnotCommand(sql::Connection& db, Id knotId);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Delete knot"; }

private:
    sql::Connection& m_db;
    Id m_knotId;
    std::optional<KnotSnapshot> m_snapshot;
};

} // namespace knotmap
