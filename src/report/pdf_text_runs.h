#pragma once

#include <functional>
#include <string_view>
#include <vector>

// A line of report text cut where the font must change: the primary font
// draws what it has, and each character it lacks (Chinese in a DejaVu
// report) comes from an installed font that has it (core/fallback_fonts.h).
namespace knotmap::report {

struct TextRun {
    std::string_view text; // a slice of the UTF-8 text, whole characters
    int font = 0;          // whatever fontFor answered for its characters
};

// Cuts utf8 into the fewest runs in which fontFor gives one font for every
// character; the runs cover the text in order.
[[nodiscard]] std::vector<TextRun> splitByFont(std::string_view utf8,
                                               const std::function<int(char32_t)>& fontFor);

} // namespace knotmap::report
