#pragma once

#include "store/database.h"

#include <chrono>
#include <deque>
#include <functional>
#include <string>

namespace knotmap::ui {

// Saves that met another program's lock on the database (an import running
// in a terminal, a second window), or a server that went away, wait here,
// in order, and are tried again between frames until they land. Nothing the person did is dropped:
// while a save waits, every later one queues behind it, so they land in the order they were made.
class PendingWrites {
public:
    enum class Outcome { Landed, Waiting, Failed };

    struct Write {
        std::string description;        // "Add knot", for the "Saving…" status
        std::function<void()> attempt;  // throws when SQLite refuses; repeatable
        std::function<void()> onLanded; // after attempt succeeded (may be empty)
    };

    explicit PendingWrites(Database& database) : m_database(database) {}

    // Tries the write now unless others are waiting. Waiting: it was queued.
    // Failed: it was refused for another reason than a lock; error says why.
    Outcome submit(Write write, std::string& error);
    // While retrying between frames, the lock wait is short so the frame is
    // not held up.
    static constexpr int kRetryBusyTimeoutMs = 30;

    // Retries the queue, at most every 200 ms, waiting busyTimeoutMs for the
    // lock. Returns how many landed. When one is refused for another reason
    // than a lock, error says why and failed names it; only it is dropped.
    int retry(std::string& error, std::string& failed, int busyTimeoutMs = kRetryBusyTimeoutMs);

    [[nodiscard]] bool waiting() const { return !m_queue.empty(); }
    // Why the oldest save waits: another program's lock, or the server.
    enum class WaitReason { Lock, ServerGone };
    [[nodiscard]] WaitReason waitReason() const { return m_waitReason; }
    [[nodiscard]] std::size_t count() const { return m_queue.size(); }
    [[nodiscard]] std::string oldestDescription() const;

private:
    Outcome attempt(Write& write, std::string& error);

    Database& m_database;
    std::deque<Write> m_queue;
    WaitReason m_waitReason = WaitReason::Lock;
    std::chrono::steady_clock::time_point m_lastTry{};
};

} // namespace knotmap::ui
