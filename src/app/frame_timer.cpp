#include "app/frame_timer.h"

#include <algorithm>
#include <cstdio>

namespace knotmap {

void FrameTimer::stop() {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started)
            .count();
    if (m_recent.size() < kKept) {
        m_recent.push_back(ms);
    } else {
        m_recent[m_next] = ms;
    }
    m_next = (m_next + 1) % kKept;
}

std::string FrameTimer::reportLine() const {
    if (m_recent.empty()) {
        return "frame-ms 0 0 0\n";
    }
    std::vector<double> sorted = m_recent;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double share) {
        return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(share * sorted.size()))];
    };
    char line[96];
    std::snprintf(line, sizeof line, "frame-ms %.2f %.2f %.2f\n", at(0.5), at(0.95), sorted.back());
    return line;
}

} // namespace knotmap
