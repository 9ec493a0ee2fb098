#include "ui/shell/frame_requests.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace knotmap::ui;
using namespace std::chrono_literals;

TEST_CASE("with no request the window may sleep as long as it likes") {
    (void)takeSleepBudget(FrameClock::now(), 10s); // forget earlier tests' requests
    CHECK(takeSleepBudget(FrameClock::now(), 10s) == FrameClock::duration(10s));
}

TEST_CASE("the soonest request sets the sleep, once") {
    (void)takeSleepBudget(FrameClock::now(), 10s);
    requestFrameIn(5s);
    requestFrameIn(200ms);
    requestFrameIn(2s);
    const FrameClock::duration budget = takeSleepBudget(FrameClock::now(), 10s);
    CHECK(budget <= FrameClock::duration(200ms));
    CHECK(budget > FrameClock::duration(100ms));
    // Taken: the next frame's sleep is free again.
    CHECK(takeSleepBudget(FrameClock::now(), 10s) == FrameClock::duration(10s));
}

TEST_CASE("an animation's request means no sleep; a late request is capped") {
    (void)takeSleepBudget(FrameClock::now(), 10s);
    requestFrame();
    CHECK(takeSleepBudget(FrameClock::now(), 10s) == FrameClock::duration::zero());
    requestFrameIn(1h);
    CHECK(takeSleepBudget(FrameClock::now(), 10s) == FrameClock::duration(10s));
}

namespace {
std::atomic<int> g_wakes{0};
void countWake() {
    ++g_wakes;
}
} // namespace

TEST_CASE("a worker's wake-up reaches the window's waker from another thread") {
    setWindowWaker(nullptr);
    wakeWindow(); // before the window set a waker: nothing happens
    setWindowWaker(&countWake);
    g_wakes = 0;
    std::thread worker([] { wakeWindow(); });
    worker.join();
    CHECK(g_wakes == 1);
    setWindowWaker(nullptr);
}
