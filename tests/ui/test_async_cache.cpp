#include "ui/history/async_cache.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

using knotmap::ui::AsyncCache;

namespace {

// Asks until the worker's result is there (the UI does this once a frame).
template <typename Cache, typename Compute>
auto settle(Cache& cache, int key, Compute compute) {
    for (int frame = 0; frame < 2000; ++frame) {
        auto lookup = cache.get(key, compute);
        if (lookup.current || !lookup.error.empty()) {
            return lookup;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("the worker never finished");
    return cache.get(key, compute);
}

} // namespace

TEST_CASE("async cache computes once per key on a worker and keeps results by key") {
    AsyncCache<int, int> cache(2);
    std::atomic<int> calls = 0;
    const auto square = [&](int key) {
        return [&calls, key] {
            ++calls;
            return key * key;
        };
    };
    const auto first = cache.get(3, square(3));
    CHECK_FALSE(first.current);
    CHECK(first.value == nullptr); // nothing to show yet
    CHECK(*settle(cache, 3, square(3)).value == 9);
    CHECK(calls == 1);

    // Another key: the old value is shown, marked stale, until the new one is ready.
    const auto switching = cache.get(4, square(4));
    REQUIRE(switching.value != nullptr);
    CHECK_FALSE(switching.current);
    CHECK(*switching.value == 9);
    CHECK(*settle(cache, 4, square(4)).value == 16);
    // Back to the first key: kept, not computed again.
    CHECK(*cache.get(3, square(3)).value == 9);
    CHECK(calls == 2);

    // Capacity 2: a third key evicts the least recently used (4).
    (void)settle(cache, 5, square(5));
    (void)settle(cache, 4, square(4));
    CHECK(calls == 4);
}

TEST_CASE("async cache reports a failed computation and clear retries it") {
    AsyncCache<int, int> cache;
    int attempts = 0;
    const auto failing = [&] {
        ++attempts;
        throw std::runtime_error("demo.db: no such table");
        return 0;
    };
    cache.setSynchronous(true);
    const auto lookup = cache.get(1, failing);
    CHECK(lookup.value == nullptr);
    CHECK(lookup.error == "demo.db: no such table");
    (void)cache.get(1, failing);
    CHECK(attempts == 1); // the failure is remembered
    cache.clear();
    (void)cache.get(1, failing);
    CHECK(attempts == 2);
}

TEST_CASE("async cache asks again after a failure once the retry wait is over") {
    // A server that went away and came back: the same key fails, then works,
    // with no change of data (no new key) in between.
    AsyncCache<int, int> cache;
    cache.setRetryFailureAfter(std::chrono::milliseconds(50));
    std::atomic<bool> serverUp{false};
    std::atomic<int> attempts{0};
    const auto read = [&] {
        ++attempts;
        if (!serverUp) {
            throw std::runtime_error("the connection to server db.clinic:5432 was lost");
        }
        return 42;
    };
    const auto failed = settle(cache, 1, read);
    CHECK(failed.value == nullptr);
    CHECK(failed.error == "the connection to server db.clinic:5432 was lost");
    // Within the wait the failure is shown, not computed again every frame.
    for (int frame = 0; frame < 5; ++frame) {
        CHECK(cache.get(1, read).error == failed.error);
    }
    CHECK(attempts == 1);

    serverUp = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    // The retry starts; meanwhile the old message stays on screen.
    CHECK(cache.get(1, read).error == failed.error);
    const auto recovered = settle(cache, 1, read);
    REQUIRE(recovered.value != nullptr);
    CHECK(*recovered.value == 42);
    CHECK(recovered.current);
    CHECK(attempts == 2);
}
