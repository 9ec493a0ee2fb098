#pragma once

#include "core/progress_line.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace CLI {
class App;
}

// The progress bar every long command (export, import, demo, copy, backup,
// report) shows on standard error while it works. Shown only when standard
// error is a terminal and --quiet was not given: in a log file or a pipe the
// redraws would only be noise, and standard output (which may carry the
// CSV or PDF itself) is never written to.
namespace knotmap {

class TerminalProgress {
public:
    // label says what is happening ("Exporting"), unit what the counts count
    // ("sessions"; empty for no counts). quiet: never show anything.
    TerminalProgress(std::string label, std::string unit, bool quiet);
    // Clears the line if it is still shown, e.g. when the work threw.
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    [[nodiscard]] bool shown() const { return m_enabled; }

    // done of total units; the fraction is done / total.
    void update(std::int64_t done, std::int64_t total);
    // A share of the work (0 to 1) when there is nothing to count; with
    // total, the counts shown are that share of it (e.g. clients).
    void updateFraction(double fraction, std::int64_t total = -1);
    // A new step under another label and unit, e.g. checking after copying.
    void relabel(std::string label, std::string unit);
    // Clears the line, so what follows (a summary, an error) starts at the
    // left of a clean line. Later updates draw again.
    void clear();

private:
    void draw(double fraction, std::int64_t done, std::int64_t total);

    std::string m_label;
    std::string m_unit;
    bool m_enabled;
    bool m_unicode;
    bool m_drawn = false;
    std::string m_lastLine;
    std::chrono::steady_clock::time_point m_lastDraw;
};

// Adds -q,--quiet to a command that shows progress.
void addQuietFlag(CLI::App& command, bool& quiet);

} // namespace knotmap
