#pragma once

#include "core/domain.h"
#include "core/session_fields.h"
#include "core/undo_stack.h"
#include "store/session_snapshot.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>

// The undoable actions on sessions (docs/sessions.md). Like the knot
// commands, each apply and revert is one transaction, and redo puts back the
// very rows (ids included) the first apply made.
//
// Signing and amending are not commands: neither can be undone
// (store/visit_amendments.h). The schema refuses any later change of a
// signed visit, so an older undo step that would edit it fails with a
// message instead of quietly rewriting a signed record.
namespace knotmap {

// A new self check-in or therapy visit of a client at a given moment.
class NewSessionCommand : public Command {
public:
    NewSessionCommand(sql::Connection& db, Id clientId, SessionKind kind, LocalTimestamp at);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override;
    [[nodiscard]] Id sessionId() const { return m_session.id; }

private:
    sql::Connection& m_db;
    Session m_session;
    bool m_applied = false;
};

// One field of an unsigned session changes. Consecutive edits of the same
// field of the same session merge into one step while the step is open (a
// burst of typing, a slider drag).
class UpdateSessionDetailsCommand : public Command {
public:
    // baseVersion: the visit's version the person saw (0: not known); the
    // save is refused when somebody else changed the visit since.
    UpdateSessionDetailsCommand(sql::Connection& db, Id sessionId, SessionField field,
                                std::string value, int baseVersion = 0);
    void apply() override;
    void revert() override;
    void forgetSeenVersion() override { m_expectedVersion = 0; }
    [[nodiscard]] std::string description() const override;
    bool mergeWith(const Command& next) override;

private:
    void write(const std::string& value);

    sql::Connection& m_db;
    Id m_sessionId;
    SessionField m_field;
    std::string m_value;
    std::optional<std::string> m_before; // read on the first apply
    int m_expectedVersion = 0;           // seen, then last written (store/row_version.h)
};

// Moves a session to another local date and time, read at the session's own
// UTC offset (a visit recorded abroad keeps its offset).
class ChangeSessionTimeCommand : public Command {
public:
    ChangeSessionTimeCommand(sql::Connection& db, Id sessionId, CivilDateTime localTime);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Change session time"; }

private:
    void write(const LocalTimestamp& at);

    sql::Connection& m_db;
    Id m_sessionId;
    CivilDateTime m_localTime;
    std::optional<LocalTimestamp> m_before;
};

// Deletes a session with its triggers, observations, treatments, signature and
// amendments; its knots stay. Undo restores everything under the same ids.
class DeleteSessionCommand : public Command {
public:
    DeleteSessionCommand(sql::Connection& db, Id sessionId);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Delete session"; }

private:
    sql::Connection& m_db;
    Id m_sessionId;
    std::optional<SessionSnapshot> m_snapshot;
};

} // namespace knotmap
