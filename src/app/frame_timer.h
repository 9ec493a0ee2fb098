#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace knotmap {

// The time Knotmap's own code spends building each frame (reading view
// models, laying out panels and charts), over the last few seconds, so
// window tests and the benchmark can check that frames stay smooth whatever
// the database's size. GPU time and waiting for the display are left out.
class FrameTimer {
public:
    void start() { m_started = std::chrono::steady_clock::now(); }
    void stop();
    // "frame-ms P50 P95 MAX" over the recent frames, with a newline.
    [[nodiscard]] std::string reportLine() const;

private:
    static constexpr std::size_t kKept = 240;
    std::chrono::steady_clock::time_point m_started;
    std::vector<double> m_recent; // milliseconds, a ring of kKept
    std::size_t m_next = 0;
};

} // namespace knotmap
