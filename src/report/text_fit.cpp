#include "report/text_fit.h"

#include <algorithm>

namespace knotmap::report {
namespace {

// The length in bytes of the UTF-8 character starting at text[i]; a stray
// continuation byte counts as one so malformed text still makes progress.
std::size_t characterLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0) {
        length = 4;
    } else if (lead >= 0xE0) {
        length = 3;
    } else if (lead >= 0xC0) {
        length = 2;
    }
    return std::min(length, text.size() - i);
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
        } else {
            word += c;
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

// The longest prefix of word (whole characters, at least one) that fits.
std::size_t fittingPrefix(std::string_view word, double maxWidth, const MeasureWidth& measure) {
    std::size_t end = characterLength(word, 0);
    while (end < word.size()) {
        const std::size_t next = end + characterLength(word, end);
        if (measure(word.substr(0, next)) > maxWidth) {
            break;
        }
        end = next;
    }
    return end;
}

// The longest prefix of text followed by ellipsis that fits, ellipsis always added.
std::string cutWithEllipsis(std::string_view text, double maxWidth, const MeasureWidth& measure,
                            std::string_view ellipsis) {
    std::size_t end = 0;
    while (end < text.size()) {
        const std::size_t next = end + characterLength(text, end);
        std::string candidate(text.substr(0, next));
        candidate += ellipsis;
        if (measure(candidate) > maxWidth) {
            break;
        }
        end = next;
    }
    // Trailing spaces before an ellipsis look like a gap, not a cut.
    while (end > 0 && text[end - 1] == ' ') {
        --end;
    }
    return std::string(text.substr(0, end)) + std::string(ellipsis);
}

} // namespace

std::string truncateToWidth(std::string_view text, double maxWidth, const MeasureWidth& measure,
                            std::string_view ellipsis) {
    if (measure(text) <= maxWidth) {
        return std::string(text);
    }
    return cutWithEllipsis(text, maxWidth, measure, ellipsis);
}

std::vector<std::string> wrapText(std::string_view text, double maxWidth, int maxLines,
                                  const MeasureWidth& measure, std::string_view ellipsis) {
    maxLines = std::max(maxLines, 1);
    std::vector<std::string> lines;
    std::string line;
    bool truncated = false;
    for (std::string word : splitWords(text)) {
        while (!word.empty()) {
            const std::string joined = line.empty() ? word : line + " " + word;
            if (measure(joined) <= maxWidth) {
                line = joined;
                word.clear();
                continue;
            }
            if (line.empty()) {
                // A word wider than a whole line: break it where it stops fitting.
                const std::size_t cut = fittingPrefix(word, maxWidth, measure);
                line = word.substr(0, cut);
                word.erase(0, cut);
            }
            if (static_cast<int>(lines.size()) + 1 == maxLines) {
                truncated = true;
                break;
            }
            lines.push_back(std::move(line));
            line.clear();
        }
        if (truncated) {
            break;
        }
    }
    if (truncated) {
        lines.push_back(cutWithEllipsis(line, maxWidth, measure, ellipsis));
    } else if (!line.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace knotmap::report
