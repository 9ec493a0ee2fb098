#pragma once

#include "core/undo_stack.h"
#include "store/database.h"
#include "store/practice/practice.h"
#include "ui/workspace/pending_writes.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace knotmap::ui {

// The window's open database and everything done to it. It owns the
// connection and the one undo stack, runs every change the panels ask for
// (so Ctrl+Z takes back knots, sessions, treatments, clients and vocabularies
// in the order they were made), keeps saves that meet a lock or a lost server
// waiting until they land, and carries one version number that moves with
// every saved write, undo and redo. Every cache of the window keys on that
// number: nothing else says when data is stale. Workers never share the
// connection: they open their own read-only one at readerLocation().
class Workspace {
public:
    explicit Workspace(Database database);
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    [[nodiscard]] Database& database() { return m_database; }
    [[nodiscard]] const Database& database() const { return m_database; }
    // In a practice (docs/practice.md), the signed-in practitioner's name,
    // which signatures and amendments must carry; empty elsewhere.
    [[nodiscard]] const std::string& practiceName() const { return m_practiceName; }
    // In a practice, the signed-in login's role, read once on opening: the
    // menus offer only what the role may do (the server decides regardless).
    // None on a file database, a server that is not a practice, or for a
    // login that is not an enabled practitioner there.
    [[nodiscard]] std::optional<PracticeRole> practiceRole() const { return m_practiceRole; }
    // Whether the database is a practice (isPractice), read once on opening;
    // false on a file. Known even when the signed-in login's role is not:
    // a practice that could not be asked is taken for one (on a server).
    [[nodiscard]] bool inPractice() const { return m_inPractice; }
    // The signed-in login in a practice (the server's session_user); empty elsewhere.
    [[nodiscard]] const std::string& practiceLogin() const { return m_practiceLogin; }
    // Read-only (permissions, or rows breaking the rules): nothing may be changed.
    [[nodiscard]] bool writable() const { return !m_database.readOnly(); }
    // Where a worker opens its own read-only connection (store::openReader).
    [[nodiscard]] const DatabaseLocation& readerLocation() const { return m_database.location(); }

    // Moves with every saved change, undo and redo, and when a refused or
    // dropped change means the screen must be read again.
    [[nodiscard]] std::uint64_t version() const { return m_version; }
    // For a change made outside commands (a client created on the way to its
    // first knot), or a refusal whose screen must be read again.
    void dataChanged() { ++m_version; }

    // Text still being typed (a knot's notes) is saved before any other change,
    // as its own earlier step. The knot editor registers how.
    void setTextFlush(std::function<void()> flush) { m_textFlush = std::move(flush); }
    void flushPendingEdits();

    // Saves text being typed, then applies the command and keeps it for undo.
    // onLanded runs once it is saved, now or on a later frame when another
    // program held the lock. True when saved or waiting to be saved; false
    // when the store refused (the failure reaches takeError).
    bool execute(std::unique_ptr<Command> command, std::function<void()> onLanded = {});
    // As execute, without saving typed text first; continuesGesture merges it
    // with the previous step (a slider being dragged) until sealGesture.
    PendingWrites::Outcome submit(std::unique_ptr<Command> command, bool continuesGesture,
                                  std::function<void()> onLanded = {});
    void sealGesture() { m_history.sealNewest(); }

    // A change that is deliberately not an undo step (signing a visit, an
    // amendment): part of the record once saved. History::End also empties
    // undo and redo once it lands (after signing, no earlier step may reach
    // into the signed visit). False when the store refused.
    enum class History { Keep, End };
    bool writeOutsideHistory(const std::string& description, std::function<void()> write,
                             History history = History::Keep);

    bool undo();
    bool redo();
    [[nodiscard]] const UndoStack& history() const { return m_history; }

    // Between frames: tries again the saves that met a lock or a lost server.
    void retryWaitingSaves();
    // For closing the window: keeps retrying, as long as a command would wait,
    // until every waiting save landed or failed. False when some did not land.
    bool finishWaitingSaves();
    [[nodiscard]] bool savesWaiting() const { return m_waiting.waiting(); }
    [[nodiscard]] std::size_t waitingSaves() const { return m_waiting.count(); }
    [[nodiscard]] std::string oldestWaitingSave() const { return m_waiting.oldestDescription(); }
    // True when saves wait for a server that went away, not for a lock.
    [[nodiscard]] bool waitingForServer() const {
        return m_waiting.waitReason() == PendingWrites::WaitReason::ServerGone;
    }

    // A failure the person must see (a change was not saved), naming the
    // database; taken once by the notice banner.
    void reportFailure(const std::string& action, const std::exception& error);
    void reportError(std::string message) { m_error = std::move(message); }
    [[nodiscard]] std::optional<std::string> takeError();

    // A save refused because somebody else changed the record after the
    // person saw it (store/row_version.h). The window asks which to keep;
    // nothing was written until then.
    struct Conflict {
        std::string change;  // "Edit notes"
        std::string message; // "Dana Ruiz changed this rating at 14:02 on 3 Dec 2026, ..."
    };
    [[nodiscard]] const std::optional<Conflict>& conflict() const { return m_conflict; }
    // Keep mine: saves the change again, over theirs.
    void keepMine();
    // Use theirs: drops the change; text typed for it is read again from the
    // database (draftsEpoch moves on).
    void useTheirs();
    // Moves when drafts still being typed must give way to the saved values.
    [[nodiscard]] std::uint64_t draftsEpoch() const { return m_draftsEpoch; }

private:
    void reportNotSaved(const std::string& description, const std::string& error);
    // Why undo or redo (action) must wait for the saves queued before it.
    [[nodiscard]] std::string stillSaving(const std::string& action) const;

    Database m_database;
    UndoStack m_history;
    PendingWrites m_waiting;
    std::uint64_t m_version = 0;
    std::function<void()> m_textFlush;
    bool m_flushing = false; // the flush's own save does not flush again
    std::optional<std::string> m_error;
    std::optional<Conflict> m_conflict;
    std::string m_practiceName;
    std::optional<PracticeRole> m_practiceRole;
    bool m_inPractice = false;
    std::string m_practiceLogin;
    std::unique_ptr<Command> m_conflicted; // the refused change, for keepMine
    std::uint64_t m_draftsEpoch = 0;
};

} // namespace knotmap::ui
