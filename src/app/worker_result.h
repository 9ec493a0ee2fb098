#pragma once

#include <chrono>
#include <future>
#include <optional>
#include <utility>

namespace knotmap {

// The outcome of one piece of work on a thread of its own (an export, an
// import, a backup, a report), taken by the window on a frame after it is
// done. Declare it as its job's last member: it is then destroyed first,
// and its destructor waits for the work, which may use the job's other
// members (a cancel flag, progress counters) until it returns.
template <typename Result>
class WorkerResult {
public:
    WorkerResult() = default;
    WorkerResult(const WorkerResult&) = delete;
    WorkerResult& operator=(const WorkerResult&) = delete;
    ~WorkerResult() {
        if (m_future.valid()) {
            m_future.wait();
        }
    }

    // From start() until the outcome is taken.
    [[nodiscard]] bool running() const { return m_future.valid(); }
    // Runs work() on a new thread; call only when not running().
    template <typename Work>
    void start(Work work) {
        m_future = std::async(std::launch::async, std::move(work));
    }
    // The outcome once the work is done (once), else none; never waits.
    [[nodiscard]] std::optional<Result> takeFinished() {
        if (!m_future.valid() ||
            m_future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            return std::nullopt;
        }
        return m_future.get();
    }

private:
    std::future<Result> m_future;
};

} // namespace knotmap
