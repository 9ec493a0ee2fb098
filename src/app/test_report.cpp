#include "app/test_report.h"

#include "core/output_file.h"
#include "ui/style/glyph_coverage.h"

#include <cstdio>
#include <exception>

namespace knotmap {

TestReport::TestReport(std::filesystem::path path) : m_path(std::move(path)) {
    ui::glyphCoverage().setCountingReplacements(true); // only tests pay for the scan
}

void TestReport::update(const std::vector<ui::ShownCanvas>& canvases, bool editorOpen) {
    std::string text;
    for (const ui::ShownCanvas& canvas : canvases) {
        char line[160];
        std::snprintf(line, sizeof line, "canvas %s %.1f %.1f %.1f %.1f\n",
                      std::string(toCode(canvas.view)).c_str(), canvas.min.x, canvas.min.y,
                      canvas.max.x, canvas.max.y);
        text += line;
    }
    text += editorOpen ? "editor open\n" : "editor closed\n";
    // Characters the last frame drew as the replacement glyph (no font had them).
    text += "replacement-glyphs " + std::to_string(ui::glyphCoverage().replacementGlyphs()) + "\n";
    text += m_extra;
    if (text == m_written) {
        return;
    }
    try {
        // Rewritten whenever the window changes: no fsync, a test reads it at once.
        writeOutputFile(m_path, text, "the test report", OutputFile::Sync::Quick);
    } catch (const std::exception&) {
        return; // a test hook: the test notices the missing report
    }
    m_written = text;
}

TestReporting::TestReporting(const std::optional<std::filesystem::path>& file)
    : m_report(file ? std::optional<TestReport>(std::in_place, *file) : std::nullopt),
      m_probe(file ? std::optional<ui::TestProbe>(std::in_place) : std::nullopt),
      m_scope(m_probe ? &*m_probe : nullptr) {}

void TestReporting::write(const std::string& lines, const std::vector<ui::ShownCanvas>& canvases,
                          bool editorOpen) {
    if (!m_report) {
        return;
    }
    m_report->setExtraLines(lines + m_probe->takeLines());
    m_report->update(canvases, editorOpen);
}

} // namespace knotmap
