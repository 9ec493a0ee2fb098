#include "report/pdf_text_runs.h"

#include "core/code_points.h"

namespace knotmap::report {

std::vector<TextRun> splitByFont(std::string_view utf8,
                                 const std::function<int(char32_t)>& fontFor) {
    std::vector<TextRun> runs;
    std::size_t runStart = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t start = at;
        const int font = fontFor(decodeUtf8(utf8, at));
        if (runs.empty() || runs.back().font != font) {
            if (!runs.empty()) {
                runs.back().text = utf8.substr(runStart, start - runStart);
            }
            runs.push_back({{}, font});
            runStart = start;
        }
    }
    if (!runs.empty()) {
        runs.back().text = utf8.substr(runStart);
    }
    return runs;
}

} // namespace knotmap::report
