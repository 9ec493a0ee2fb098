#pragma once

#include "store/database_location.h"
#include "store/sql/connection.h"

#include <atomic>
#include <functional>
#include <memory>

// Working side by side: another window, process or person saves to the same
// database, and this window must show it within about a second. A watcher
// runs on a thread of its own, with a connection of its own, so the window's
// frames never wait for it:
// - a file: SQLite's PRAGMA data_version, read four times a second, moves
//   when any other connection commits (file_change_watcher.cpp);
// - a server: LISTEN on the channel that db/postgresql/007's triggers NOTIFY
//   at each commit that changes clinical data (server_change_watcher.cpp).
namespace knotmap {

class ChangeWatcher {
public:
    virtual ~ChangeWatcher() = default;
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    // True once after somebody else committed a change since the last call.
    // (A file cannot tell whose commit it was: the window's own saves count
    // too, and cost one more read of what is on screen.)
    [[nodiscard]] bool takeChange() { return m_changed.exchange(false); }

protected:
    explicit ChangeWatcher(std::function<void()> wake) : m_wake(std::move(wake)) {}
    // From the watcher's thread.
    void changed() {
        m_changed = true;
        if (m_wake) {
            m_wake();
        }
    }

private:
    std::atomic<bool> m_changed{false};
    std::function<void()> m_wake;
};

// Starts watching where. own is the window's connection: on a server, the
// notices of its own commits are told apart by its backend's process id.
// wake runs on the watcher's thread when a change arrives (to wake an idle
// event loop). Never throws: a watcher that cannot connect retries quietly.
[[nodiscard]] std::unique_ptr<ChangeWatcher>
watchChanges(const DatabaseLocation& where, sql::Connection& own, std::function<void()> wake);

} // namespace knotmap
