#pragma once

#include "ui/shell/frame_requests.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace knotmap::ui {

// Results computed on a worker thread and kept by the inputs they were
// computed from, so a frame only ever reads what is ready: charts and heat
// maps never compute or query while ImGui draws. Keeps the few most recently
// used results, so flicking between two date ranges or clients is instant.
template <typename Key, typename Value>
class AsyncCache {
public:
    explicit AsyncCache(std::size_t capacity = 8) : m_capacity(capacity) {}
    AsyncCache(const AsyncCache&) = delete;
    AsyncCache& operator=(const AsyncCache&) = delete;
    ~AsyncCache() { waitForAll(); }

    struct Lookup {
        std::shared_ptr<const Value> value; // null until the first result is ready
        bool current = false;               // value is for the requested key (not an older one)
        std::string error;                  // why the requested key's computation failed
        std::optional<Key> key;             // the key value was computed for
    };

    // The value for key when ready; otherwise starts compute (once) on a
    // worker and returns the last value handed out meanwhile, marked stale,
    // so the view keeps showing something sensible for the frame or two it takes.
    Lookup get(const Key& key, std::function<Value()> compute) {
        collectFinished();
        if (auto found = find(key)) {
            if (!found->value) {
                // A failure may pass (a server that went away answers again):
                // it is asked again now and then, its message shown meanwhile.
                const auto shownFor = std::chrono::steady_clock::now() - found->at;
                if (!m_synchronous && shownFor >= m_retryFailureAfter) {
                    m_entries.pop_front(); // find() put it first
                    start(key, std::move(compute));
                } else if (!m_synchronous) {
                    requestFrameIn(m_retryFailureAfter - shownFor);
                }
                return {m_lastShown, false, found->error, m_lastShownKey};
            }
            m_lastShown = found->value;
            m_lastShownKey = key;
            return {m_lastShown, true, {}, key};
        }
        if (m_synchronous) {
            store(key, run(compute));
            return get(key, compute);
        }
        start(key, std::move(compute));
        return {m_lastShown, false, {}, m_lastShownKey};
    }

    // How long a failure is shown before it is computed again (3 s).
    void setRetryFailureAfter(std::chrono::milliseconds wait) { m_retryFailureAfter = wait; }

    // True while a worker is still computing something asked for (a job
    // that finished counts as done even before get() collects it).
    [[nodiscard]] bool busy() const {
        return std::any_of(m_running.begin(), m_running.end(),
                           [](const Job& job) { return !ready(job.result); });
    }

    // Screenshots and tests compute on the calling thread instead, so the
    // first frame already shows the result.
    void setSynchronous(bool synchronous) { m_synchronous = synchronous; }

    // Forgets every result, e.g. after the data changed. Running jobs finish
    // but their results are dropped.
    void clear() {
        m_entries.clear();
        m_lastShown.reset();
        m_lastShownKey.reset();
        for (Job& job : m_running) {
            m_abandoned.push_back(std::move(job.result));
        }
        m_running.clear();
    }

private:
    // A result, or why there is none: a failure is cached like a result so
    // it is not retried every frame, only after m_retryFailureAfter.
    struct Outcome {
        std::shared_ptr<const Value> value;
        std::string error;
        std::chrono::steady_clock::time_point at; // when it was computed
    };
    using OutcomePtr = std::shared_ptr<const Outcome>;

    struct Job {
        Key key;
        std::future<OutcomePtr> result;
    };

    // Computes key on a worker unless one already does.
    void start(const Key& key, std::function<Value()> compute) {
        const bool running = std::any_of(m_running.begin(), m_running.end(),
                                         [&](const Job& job) { return job.key == key; });
        if (!running) {
            m_running.push_back(
                {key, std::async(std::launch::async, [compute = std::move(compute)] {
                     OutcomePtr outcome = run(compute);
                     wakeWindow(); // a sleeping window shows the result at once
                     return outcome;
                 })});
        }
    }

    static OutcomePtr run(const std::function<Value()>& compute) {
        try {
            return std::make_shared<const Outcome>(Outcome{
                std::make_shared<const Value>(compute()), {}, std::chrono::steady_clock::now()});
        } catch (const std::exception& error) {
            return std::make_shared<const Outcome>(
                Outcome{nullptr, error.what(), std::chrono::steady_clock::now()});
        }
    }

    OutcomePtr find(const Key& key) {
        for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry) {
            if (entry->first == key) {
                m_entries.splice(m_entries.begin(), m_entries, entry); // most recent first
                return m_entries.front().second;
            }
        }
        return nullptr;
    }

    void store(const Key& key, OutcomePtr value) {
        m_entries.emplace_front(key, std::move(value));
        while (m_entries.size() > m_capacity) {
            m_entries.pop_back();
        }
    }

    static bool ready(const std::future<OutcomePtr>& result) {
        return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

    void collectFinished() {
        for (auto job = m_running.begin(); job != m_running.end();) {
            if (ready(job->result)) {
                store(job->key, job->result.get());
                job = m_running.erase(job);
            } else {
                ++job;
            }
        }
        std::erase_if(m_abandoned, [](const auto& result) { return ready(result); });
    }

    void waitForAll() {
        for (Job& job : m_running) {
            job.result.wait();
        }
        for (auto& result : m_abandoned) {
            result.wait();
        }
    }

    std::size_t m_capacity;
    bool m_synchronous = false;
    std::chrono::milliseconds m_retryFailureAfter{3000};
    std::list<std::pair<Key, OutcomePtr>> m_entries;
    std::list<Job> m_running;
    std::vector<std::future<OutcomePtr>> m_abandoned;
    std::shared_ptr<const Value> m_lastShown;
    std::optional<Key> m_lastShownKey;
};

} // namespace knotmap::ui
