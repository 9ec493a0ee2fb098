#include "core/text_search.h"

#include <cctype>

namespace knotmap {
namespace {

// Base letters for U+00C0..U+017F (Latin-1 letters and Latin Extended-A),
// lower case, one per code point; '*' where the letter is spelled with two
// (see spelledOut) and '-' where the code point is no letter (×, ÷) and
// stays as written. Sixteen code points a line, from U+00C0.
constexpr std::string_view kBaseLetters = "aaaaaa*ceeeeiiii"
                                          "dnooooo-ouuuuy**"
                                          "aaaaaa*ceeeeiiii"
                                          "dnooooo-ouuuuy*y"
                                          "aaaaaaccccccccdd"
                                          "ddeeeeeeeeeegggg"
                                          "gggghhhhiiiiiiii"
                                          "ii**jjkkklllllll"
                                          "lllnnnnnnnnnoooo"
                                          "oo**rrrrrrssssss"
                                          "ssttttttuuuuuuuu"
                                          "uuuuwwyyyzzzzzzs";
constexpr unsigned kFirstFolded = 0xC0;

const char* spelledOut(unsigned codePoint) {
    switch (codePoint) {
    case 0xC6:
    case 0xE6:
        return "ae";
    case 0xDF:
        return "ss";
    case 0xDE:
    case 0xFE:
        return "th";
    case 0x132:
    case 0x133:
        return "ij";
    case 0x152:
    case 0x153:
        return "oe";
    default:
        return nullptr;
    }
}

// What a two-byte UTF-8 letter folds to, or nullptr to keep it as written.
const char* folded(unsigned codePoint, char& single) {
    if (codePoint < kFirstFolded || codePoint >= kFirstFolded + kBaseLetters.size()) {
        return nullptr;
    }
    const char base = kBaseLetters[codePoint - kFirstFolded];
    if (base == '*') {
        return spelledOut(codePoint);
    }
    if (base == '-') {
        return nullptr;
    }
    single = base;
    return &single;
}

} // namespace

std::string foldForSearch(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // U+00C0..U+017F are the two-byte sequences C3 80 .. C5 BF.
        if (byte >= 0xC3 && byte <= 0xC5 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if ((next & 0xC0u) == 0x80u) {
                const unsigned codePoint = ((byte & 0x1Fu) << 6) | (next & 0x3Fu);
                char single = 0;
                if (const char* base = folded(codePoint, single)) {
                    result.append(base, base == &single ? 1 : std::char_traits<char>::length(base));
                    ++i;
                    continue;
                }
            }
        }
        result += byte < 0x80 ? static_cast<char>(std::tolower(byte)) : static_cast<char>(byte);
    }
    return result;
}

bool matchesSearch(std::string_view haystack, std::string_view needle) {
    std::string wanted = foldForSearch(needle);
    const auto first = wanted.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return true;
    }
    const auto last = wanted.find_last_not_of(" \t");
    wanted = wanted.substr(first, last - first + 1);
    return foldForSearch(haystack).find(wanted) != std::string::npos;
}

std::string lowercaseAscii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lower;
}

} // namespace knotmap
