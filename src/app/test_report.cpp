#include "app/test_report.h"

#include <cstdio>
#include <fstream>

namespace knotmap {

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
    text += m_extra;
    if (text == m_written) {
        return;
    }
    const std::filesystem::path partial = m_path.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            return; // a test hook: the test notices the missing report
        }
    }
    std::error_code ignored;
    std::filesystem::rename(partial, m_path, ignored);
    m_written = text;
}

} // namespace knotmap
