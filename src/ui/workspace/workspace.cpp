#include "ui/workspace/workspace.h"

#include "store/open_options.h"
#include "store/signed_in_person.h"
#include "store/store_error.h"

#include <chrono>
#include <thread>
#include <utility>

namespace knotmap::ui {

Workspace::Workspace(Database database) : m_database(std::move(database)), m_waiting(m_database) {
    // A click must never freeze the window for long: a save that meets a
    // lock waits briefly, then queues and is retried between frames.
    if (writable()) {
        m_database.setBusyTimeout(kWindowBusyTimeoutMs);
    }
    try {
        m_inPractice = isPractice(m_database.sql());
    } catch (const std::exception&) {
        // Could not ask: a server may be a practice, where anything but the
        // owner's view is partial (whole backups are offered to the owner
        // only); a file never is.
        m_inPractice = m_database.sql().dialect() == sql::Dialect::PostgreSQL;
    }
    try {
        m_practiceName = signedInPerson(m_database.sql()).practiceName;
        if (const auto practitioner = signedInPractitioner(m_database.sql())) {
            m_practiceRole = practitioner->role;
            m_practiceLogin = practitioner->login;
        }
    } catch (const std::exception&) {
        // Not known: the name is typed, and the server checks it on saving;
        // no practice menus are offered (the server refuses what they would do).
    }
}

void Workspace::flushPendingEdits() {
    if (m_textFlush && !m_flushing) {
        m_flushing = true;
        m_textFlush();
        m_flushing = false;
    }
}

std::string Workspace::stillSaving(const std::string& action) const {
    return "Still saving \u201C" + m_waiting.oldestDescription() + "\u201D: " +
           (waitingForServer() ? "the server cannot be reached"
                               : "another program is writing to the database") +
           ". " + action + " once it is saved.";
}

void Workspace::reportNotSaved(const std::string& description, const std::string& error) {
    m_error = "Couldn\u2019t save \u201C" + description + "\u201D: " + error + " (" +
              m_database.describe() + ")";
    // What the screen shows may be ahead of the database: read it again.
    ++m_version;
}

bool Workspace::execute(std::unique_ptr<Command> command, std::function<void()> onLanded) {
    flushPendingEdits();
    return submit(std::move(command), false, std::move(onLanded)) != PendingWrites::Outcome::Failed;
}

PendingWrites::Outcome Workspace::submit(std::unique_ptr<Command> command, bool continuesGesture,
                                         std::function<void()> onLanded) {
    const std::string description = command->description();
    // Shared so the write can be tried again: the undo stack takes the
    // command only once it applied.
    auto pending = std::make_shared<std::unique_ptr<Command>>(std::move(command));
    PendingWrites::Write write;
    write.description = description;
    write.attempt = [this, pending, continuesGesture, description] {
        try {
            m_history.execute(std::move(*pending));
        } catch (const ConflictError& conflict) {
            // Kept (not applied: moved from only once applied) for keepMine.
            m_conflicted = std::move(*pending);
            m_conflict = Conflict{description, conflict.what()};
            throw;
        }
        if (!continuesGesture) {
            m_history.sealNewest();
        }
    };
    write.onLanded = [this, landed = std::move(onLanded)] {
        ++m_version;
        if (landed) {
            landed();
        }
    };
    std::string error;
    const PendingWrites::Outcome outcome = m_waiting.submit(std::move(write), error);
    if (outcome == PendingWrites::Outcome::Failed) {
        if (m_conflict) {
            ++m_version; // shows their change while the person chooses
        } else {
            reportNotSaved(description, error);
        }
    }
    return outcome;
}

void Workspace::keepMine() {
    m_conflict.reset();
    if (std::unique_ptr<Command> mine = std::move(m_conflicted)) {
        mine->forgetSeenVersion();
        submit(std::move(mine), false);
    }
}

void Workspace::useTheirs() {
    m_conflict.reset();
    m_conflicted.reset();
    ++m_draftsEpoch;
    ++m_version;
}

bool Workspace::writeOutsideHistory(const std::string& description, std::function<void()> write,
                                    History history) {
    flushPendingEdits();
    PendingWrites::Write pending;
    pending.description = description;
    pending.attempt = std::move(write);
    pending.onLanded = [this, history] {
        if (history == History::End) {
            m_history.clear();
        }
        ++m_version;
    };
    std::string error;
    if (m_waiting.submit(std::move(pending), error) == PendingWrites::Outcome::Failed) {
        reportNotSaved(description, error);
        return false;
    }
    return true;
}

bool Workspace::undo() {
    flushPendingEdits();
    if (m_waiting.waiting()) {
        m_error = stillSaving("Undo");
        return false;
    }
    if (!m_history.canUndo()) {
        return false;
    }
    const std::string description = m_history.undoDescription();
    try {
        m_history.undo();
    } catch (const std::exception& error) {
        reportFailure("Couldn't undo \u201C" + description + "\u201D", error);
        return false;
    }
    ++m_version;
    return true;
}

bool Workspace::redo() {
    if (m_waiting.waiting()) {
        m_error = stillSaving("Redo");
        return false;
    }
    if (!m_history.canRedo()) {
        return false;
    }
    const std::string description = m_history.redoDescription();
    try {
        m_history.redo();
    } catch (const std::exception& error) {
        reportFailure("Couldn't redo \u201C" + description + "\u201D", error);
        return false;
    }
    ++m_version;
    return true;
}

void Workspace::retryWaitingSaves() {
    std::string error;
    std::string failed;
    m_waiting.retry(error, failed);
    if (!error.empty() && !m_conflict) {
        reportNotSaved(failed, error);
    } else if (!error.empty()) {
        ++m_version; // shows their change while the person chooses
    }
}

bool Workspace::finishWaitingSaves() {
    // As long as a command would wait for the lock, then give up and say so.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kCommandBusyTimeoutMs);
    bool allLanded = true;
    while (m_waiting.waiting() && std::chrono::steady_clock::now() < deadline) {
        std::string error;
        std::string failed;
        m_waiting.retry(error, failed, 1000);
        if (!error.empty()) {
            reportNotSaved(failed, error);
            allLanded = false;
        }
        if (m_waiting.waiting()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    if (m_waiting.waiting()) {
        const std::string seconds = std::to_string(kCommandBusyTimeoutMs / 1000) + " s";
        m_error =
            std::to_string(m_waiting.count()) + " change(s) could not be saved: " +
            (waitingForServer()
                 ? m_database.describe() + " could not be reached for " + seconds
                 : "another program kept " + m_database.describe() + " locked for " + seconds);
        return false;
    }
    return allLanded;
}

void Workspace::reportFailure(const std::string& action, const std::exception& error) {
    // The backends' own messages do not say which database they are about.
    m_error = action + ": " + error.what() + " (" + m_database.describe() + ")";
}

std::optional<std::string> Workspace::takeError() {
    return std::exchange(m_error, {});
}

} // namespace knotmap::ui
