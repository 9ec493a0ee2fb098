#include "core/code_points.h"

namespace knotmap {
namespace {

bool continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

} // namespace

char32_t decodeUtf8(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
        ++at;
        return lead;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0; // below this the form is overlong
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
        smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
        smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
        smallest = 0x10000;
    } else {
        ++at; // a stray continuation byte or an invalid lead byte
        return kReplacementCharacter;
    }
    if (at + length > text.size()) {
        ++at;
        return kReplacementCharacter;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[at + i]);
        if (!continuation(byte)) {
            ++at;
            return kReplacementCharacter;
        }
        value = (value << 6) | (byte & 0x3F);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        ++at;
        return kReplacementCharacter;
    }
    at += length;
    return value;
}

std::vector<char32_t> codePointsOf(std::string_view utf8) {
    std::vector<char32_t> codePoints;
    codePoints.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        codePoints.push_back(decodeUtf8(utf8, at));
    }
    return codePoints;
}

std::size_t collectCodePoints(std::string_view utf8, std::set<char32_t>& into) {
    std::size_t added = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        if (into.insert(decodeUtf8(utf8, at)).second) {
            ++added;
        }
    }
    return added;
}

std::vector<CodePointRange> toRanges(const std::set<char32_t>& codePoints) {
    std::vector<CodePointRange> ranges;
    for (const char32_t codePoint : codePoints) {
        if (!ranges.empty() && ranges.back().last + 1 == codePoint) {
            ranges.back().last = codePoint;
        } else {
            ranges.push_back({codePoint, codePoint});
        }
    }
    return ranges;
}

} // namespace knotmap
