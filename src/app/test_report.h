#pragma once

#include "ui/body_map/body_map_state.h"
#include "ui/shell/test_probe.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap {

// A test hook (--test-report FILE): the window writes where the body map is,
// so an end-to-end test can click a known diagram point like a person would.
// Positions are in window pixels from the top-left of the content area.
// The file is replaced whole (an OutputFile: written beside it, then
// renamed) and only when its content changes, so a reader never sees half a
// report. Lines:
//   canvas front MINX MINY MAXX MAXY
//   editor open|closed
//   replacement-glyphs N   (glyphs the last frame drew as U+FFFD: missing from every font)
//   ...and the lines given to setExtraLines (theme, database, buttons, and
//   the widgets a test clicks: item NAME MINX MINY MAXX MAXY, ui/shell/test_probe.h).
class TestReport {
public:
    explicit TestReport(std::filesystem::path path);

    void update(const std::vector<ui::ShownCanvas>& canvases, bool editorOpen);
    // Lines appended to the report from the next update on, each ending in a
    // newline (app/sample_switch.h: feelTestReportLines).
    void setExtraLines(std::string lines) { m_extra = std::move(lines); }

private:
    std::filesystem::path m_path;
    std::string m_written;
    std::string m_extra;
};

// A window's test reporting for as long as it runs (--test-report): the
// report, and the probe that records where the widgets a test clicks were
// drawn. Neither without --test-report; the probe listens while this lives.
class TestReporting {
public:
    explicit TestReporting(const std::optional<std::filesystem::path>& file);

    // Whether there is a report to write: its lines are worth building only then.
    [[nodiscard]] bool active() const { return m_report.has_value(); }
    // The frame's report: lines (each ending in a newline), then the items
    // the probe saw this frame.
    void write(const std::string& lines, const std::vector<ui::ShownCanvas>& canvases = {},
               bool editorOpen = false);

private:
    std::optional<TestReport> m_report;
    std::optional<ui::TestProbe> m_probe;
    ui::TestProbeScope m_scope;
};

} // namespace knotmap
