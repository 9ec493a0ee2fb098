#include "ui/workspace/pending_writes.h"

namespace knotmap::ui {
namespace {

constexpr auto kRetryInterval = std::chrono::milliseconds(200);

} // namespace

PendingWrites::Outcome PendingWrites::attempt(Write& write, std::string& error) {
    try {
        write.attempt();
    } catch (const std::exception& failure) {
        if (isLockContention(failure)) {
            m_waitReason = WaitReason::Lock;
            return Outcome::Waiting;
        }
        if (isConnectionLost(failure)) {
            m_waitReason = WaitReason::ServerGone;
            return Outcome::Waiting;
        }
        error = failure.what();
        return Outcome::Failed;
    }
    return Outcome::Landed;
}

PendingWrites::Outcome PendingWrites::submit(Write write, std::string& error) {
    if (!m_queue.empty()) {
        m_queue.push_back(std::move(write));
        return Outcome::Waiting;
    }
    const Outcome outcome = attempt(write, error);
    if (outcome == Outcome::Waiting) {
        m_queue.push_back(std::move(write));
        m_lastTry = std::chrono::steady_clock::now();
    } else if (outcome == Outcome::Landed && write.onLanded) {
        write.onLanded();
    }
    return outcome;
}

int PendingWrites::retry(std::string& error, std::string& failed, int busyTimeoutMs) {
    const auto now = std::chrono::steady_clock::now();
    if (m_queue.empty() || now - m_lastTry < kRetryInterval) {
        return 0;
    }
    m_lastTry = now;
    int landed = 0;
    m_database.setBusyTimeout(busyTimeoutMs);
    while (!m_queue.empty()) {
        const Outcome outcome = attempt(m_queue.front(), error);
        if (outcome == Outcome::Waiting) {
            break;
        }
        // Off the queue before its follow-up runs: that may queue more, and
        // must see only the saves still waiting.
        Write done = std::move(m_queue.front());
        m_queue.pop_front();
        if (outcome == Outcome::Failed) {
            failed = done.description; // only this one is dropped; the rest go on
            break;
        }
        ++landed;
        if (done.onLanded) {
            done.onLanded();
        }
    }
    m_database.setBusyTimeout(kWindowBusyTimeoutMs);
    return landed;
}

std::string PendingWrites::oldestDescription() const {
    return m_queue.empty() ? std::string() : m_queue.front().description;
}

} // namespace knotmap::ui
