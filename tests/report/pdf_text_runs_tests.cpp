#include "report/pdf_text_runs.h"

#include <doctest/doctest.h>

#include <string>

using namespace knotmap::report;

namespace {

// Latin in font 0, Han in font 1, Hebrew in font 2.
int byScript(char32_t codePoint) {
    if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
        return 1;
    }
    return codePoint >= 0x0590 && codePoint <= 0x05FF ? 2 : 0;
}

std::string joined(const std::vector<TextRun>& runs) {
    std::string text;
    for (const TextRun& run : runs) {
        text += std::string(run.text) + "|" + std::to_string(run.font) + " ";
    }
    return text;
}

} // namespace

TEST_CASE("pdf text runs: the text is cut where the font changes, whole characters each") {
    CHECK(joined(splitByFont("Wang 王小明 (ליאור)", byScript)) ==
          "Wang |0 王小明|1  (|0 ליאור|2 )|0 ");
    CHECK(joined(splitByFont("王", byScript)) == "王|1 ");
    CHECK(joined(splitByFont("plain", byScript)) == "plain|0 ");
    CHECK(splitByFont("", byScript).empty());
}
