#include "core/progress_line.h"

#include <algorithm>
#include <cmath>

namespace knotmap {
namespace {

constexpr int kWidestBar = 30;
constexpr int kNarrowestBar = 10;
constexpr std::string_view kGap = "  ";

// Every character this file writes is one column wide; a UTF-8 character
// is one lead byte and its continuation bytes.
int columnsOf(std::string_view text) {
    int columns = 0;
    for (const char c : text) {
        columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return columns;
}

// The first `columns` characters of text, never cutting one in half.
std::string_view firstColumns(std::string_view text, int columns) {
    std::size_t end = 0;
    for (int seen = 0; end < text.size(); ++end) {
        if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == columns) {
            break;
        }
    }
    return text.substr(0, end);
}

std::string bar(double fraction, int width, bool unicode) {
    const int filled = static_cast<int>(std::floor(fraction * width));
    std::string text;
    for (int i = 0; i < width; ++i) {
        text += i < filled ? (unicode ? "\u2588" : "#") : (unicode ? "\u2591" : "-");
    }
    return text;
}

std::string percentText(double fraction) {
    const int percent = static_cast<int>(std::floor(fraction * 100.0 + 1e-9));
    std::string text = std::to_string(percent) + "%";
    return std::string(4 - std::min<std::size_t>(4, text.size()), ' ') + text; // " 62%", "100%"
}

std::string countsText(const ProgressCounts& counts) {
    std::string text = groupedThousands(counts.done) + " of " + groupedThousands(counts.total);
    if (!counts.unit.empty()) {
        text += " ";
        text += counts.unit;
    }
    return text;
}

} // namespace

std::string groupedThousands(std::int64_t number) {
    const bool negative = number < 0;
    // Digits of the magnitude without negating INT64_MIN.
    std::string digits = std::to_string(number);
    if (negative) {
        digits.erase(0, 1);
    }
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += ',';
        }
        text += digits[i];
    }
    return negative ? "-" + text : text;
}

double progressFraction(const ProgressCounts& counts) {
    if (counts.total <= 0) {
        return 1.0;
    }
    return std::clamp(static_cast<double>(counts.done) / static_cast<double>(counts.total), 0.0,
                      1.0);
}

std::string progressLine(std::string_view label, double fraction,
                         const std::optional<ProgressCounts>& counts,
                         const ProgressLineStyle& style) {
    fraction = std::isnan(fraction) ? 0.0 : std::clamp(fraction, 0.0, 1.0);
    const int room = std::max(0, style.columns - 1);
    const std::string percent = percentText(fraction);
    const std::string count = counts ? countsText(*counts) : std::string();
    const int gap = static_cast<int>(kGap.size());

    // label, gap, bar, gap, percent[, gap, counts]
    const int fixed = columnsOf(label) + gap + gap + columnsOf(percent);
    const int withCounts = count.empty() ? 0 : gap + columnsOf(count);
    int barWidth = std::min(kWidestBar, room - fixed - withCounts);
    bool showCounts = !count.empty();
    if (barWidth < kNarrowestBar && showCounts) {
        showCounts = false;
        barWidth = std::min(kWidestBar, room - fixed);
    }
    std::string line(label);
    if (barWidth >= kNarrowestBar) {
        line += kGap;
        line += bar(fraction, barWidth, style.unicode);
        line += kGap;
        line += percent;
        if (showCounts) {
            line += kGap;
            line += count;
        }
        return line;
    }
    // Too narrow for a bar: the label and the percentage, cut to the room.
    line += " ";
    line += percent.substr(percent.find_first_not_of(' '));
    return std::string(firstColumns(line, room));
}

} // namespace knotmap
