#include "app/terminal_progress.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace knotmap {
namespace {

// At most ten redraws a second: enough to look alive, few enough that a
// slow terminal (or ssh) never holds the work up.
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

int terminalColumns() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    if (const char* columns = std::getenv("COLUMNS")) {
        const int parsed = std::atoi(columns);
        if (parsed > 0) {
            return parsed;
        }
    }
    return 80;
}

bool containsNoCase(std::string_view text, std::string_view part) {
    for (std::size_t at = 0; at + part.size() <= text.size(); ++at) {
        bool same = true;
        for (std::size_t i = 0; i < part.size() && same; ++i) {
            const auto lower = [](char c) {
                return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            };
            same = lower(text[at + i]) == lower(part[i]);
        }
        if (same) {
            return true;
        }
    }
    return false;
}

// The locale the terminal was started in, as the C library would pick it
// (LC_ALL over LC_CTYPE over LANG): block characters only when it is UTF-8,
// else they would show as mojibake.
bool terminalIsUtf8() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return containsNoCase(value, "utf-8") || containsNoCase(value, "utf8");
        }
    }
    return false;
}

} // namespace

TerminalProgress::TerminalProgress(std::string label, std::string unit, bool quiet)
    : m_label(std::move(label)), m_unit(std::move(unit)),
      m_enabled(!quiet && ::isatty(STDERR_FILENO) == 1), m_unicode(terminalIsUtf8()) {}

TerminalProgress::~TerminalProgress() {
    clear();
}

void TerminalProgress::update(std::int64_t done, std::int64_t total) {
    draw(progressFraction({done, total, m_unit}), done, total);
}

void TerminalProgress::updateFraction(double fraction, std::int64_t total) {
    const std::int64_t done =
        total >= 0 ? static_cast<std::int64_t>(fraction * static_cast<double>(total)) : -1;
    draw(fraction, done, total);
}

void TerminalProgress::relabel(std::string label, std::string unit) {
    m_label = std::move(label);
    m_unit = std::move(unit);
}

void TerminalProgress::draw(double fraction, std::int64_t done, std::int64_t total) {
    if (!m_enabled) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    // The first draw and the last (everything done) always; between, at the
    // redraw rate.
    const bool finished = fraction >= 1.0;
    if (m_drawn && !finished && now - m_lastDraw < kRedrawEvery) {
        return;
    }
    std::optional<ProgressCounts> counts;
    if (!m_unit.empty() && total >= 0 && done >= 0) {
        counts = ProgressCounts{done, total, m_unit};
    }
    std::string line = progressLine(m_label, fraction, counts, {terminalColumns(), m_unicode});
    if (m_drawn && line == m_lastLine) {
        return;
    }
    m_lastDraw = now;
    // \r back to the start, the line, then erase whatever a longer line
    // before it (or a narrowed window) left to its right.
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
    m_drawn = true;
    m_lastLine = std::move(line);
}

void TerminalProgress::clear() {
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
        m_lastLine.clear();
    }
}

void addQuietFlag(CLI::App& command, bool& quiet) {
    command.add_flag("-q,--quiet", quiet,
                     "Show no progress bar (it is shown on standard error only when that is a "
                     "terminal, never on standard output)");
}

} // namespace knotmap
