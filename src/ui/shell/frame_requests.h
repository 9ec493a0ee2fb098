#pragma once

#include <chrono>
#include <optional>

// The window sleeps between frames until something needs one: input, or a
// request made here. Whatever changes on screen without input asks for its
// next frame: an animation for the next step, a retry for its time, a view
// waiting for a worker for a short while. Workers that finish wake the window
// at once with wakeWindow().
namespace knotmap::ui {

using FrameClock = std::chrono::steady_clock;

// The next frame is wanted within delay (zero: as soon as possible). Call
// from the frame's own thread.
void requestFrameIn(FrameClock::duration delay);
inline void requestFrame() {
    requestFrameIn(FrameClock::duration::zero());
}

// Wakes a sleeping window for one frame. Safe from any thread; does nothing
// until the window set how (setWindowWaker).
void wakeWindow();
void setWindowWaker(void (*waker)());

// For the window's loop: how long it may sleep now, at most `longest`, given
// the requests made since the last call; forgets those requests.
[[nodiscard]] FrameClock::duration takeSleepBudget(FrameClock::time_point now,
                                                   FrameClock::duration longest);

} // namespace knotmap::ui
