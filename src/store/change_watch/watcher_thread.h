#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace knotmap {

// A loop on a thread of its own that stops promptly when destroyed: each
// round runs body, then waits up to pause unless asked to stop.
class WatcherThread {
public:
    WatcherThread() = default;
    WatcherThread(const WatcherThread&) = delete;
    WatcherThread& operator=(const WatcherThread&) = delete;
    ~WatcherThread() { stop(); }

    void start(std::chrono::milliseconds pause, std::function<void()> body) {
        m_thread = std::thread([this, pause, body = std::move(body)] {
            while (!stopping()) {
                body();
                std::unique_lock lock(m_mutex);
                m_wakeUp.wait_for(lock, pause, [this] { return m_stop; });
            }
        });
    }

    void stop() {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wakeUp.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    [[nodiscard]] bool stopping() {
        const std::lock_guard lock(m_mutex);
        return m_stop;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace knotmap
