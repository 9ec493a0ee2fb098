#include "ui/shell/frame_requests.h"

#include <algorithm>
#include <atomic>
#include <optional>

namespace knotmap::ui {
namespace {

// Only the frame's thread asks and takes; workers go through the waker.
std::optional<FrameClock::time_point> g_wanted;
std::atomic<void (*)()> g_waker{nullptr};

} // namespace

void requestFrameIn(FrameClock::duration delay) {
    const FrameClock::time_point at = FrameClock::now() + std::max(delay, FrameClock::duration{});
    g_wanted = g_wanted ? std::min(*g_wanted, at) : at;
}

void wakeWindow() {
    if (void (*waker)() = g_waker.load()) {
        waker();
    }
}

void setWindowWaker(void (*waker)()) {
    g_waker.store(waker);
}

FrameClock::duration takeSleepBudget(FrameClock::time_point now, FrameClock::duration longest) {
    FrameClock::duration budget = longest;
    if (g_wanted) {
        budget = std::clamp(*g_wanted - now, FrameClock::duration{}, longest);
    }
    g_wanted.reset();
    return budget;
}

} // namespace knotmap::ui
