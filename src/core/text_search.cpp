#include "core/text_search.h"

#include "core/text_trim.h"

#include <algorithm>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace knotmap {
namespace {

// Latin letters without a canonical decomposition that a reader still sees as
// a base letter with a mark (after case folding, so lower case only).
const char16_t* spelledOut(char16_t c) {
    switch (c) {
    case u'\u00E6': // æ
        return u"ae";
    case u'\u00F0': // ð
    case u'\u0111': // đ
        return u"d";
    case u'\u00F8': // ø
        return u"o";
    case u'\u00FE': // þ
        return u"th";
    case u'\u0127': // ħ
        return u"h";
    case u'\u0131': // ı, Turkish dotless i
        return u"i";
    case u'\u0133': // ĳ
        return u"ij";
    case u'\u0138': // ĸ
        return u"k";
    case u'\u0140': // ŀ
        return u"l";
    case u'\u0142': // ł
        return u"l";
    case u'\u0149': // ŉ
        return u"n";
    case u'\u0153': // œ
        return u"oe";
    case u'\u0167': // ŧ
        return u"t";
    default:
        return nullptr;
    }
}

const icu::Normalizer2& normalizer(bool decompose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = decompose ? icu::Normalizer2::getNFDInstance(status)
                                                 : icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || instance == nullptr) {
        // Only a broken ICU installation (no data library) gets here.
        throw std::runtime_error(std::string("ICU normalisation is unavailable: ") +
                                 u_errorName(status));
    }
    return *instance;
}

std::string foldUnicode(std::string_view text) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    unicode.foldCase(U_FOLD_CASE_DEFAULT);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = normalizer(true).normalize(unicode, status);
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue;
        }
        if (const char16_t* spelled =
                c <= 0xFFFF ? spelledOut(static_cast<char16_t>(c)) : nullptr) {
            bare.append(icu::UnicodeString(spelled));
        } else {
            bare.append(c);
        }
    }
    const icu::UnicodeString composed = normalizer(false).normalize(bare, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU could not normalise text: ") +
                                 u_errorName(status));
    }
    std::string result;
    composed.toUTF8String(result);
    return result;
}

} // namespace

std::string foldForSearch(std::string_view text) {
    // Plain ASCII, most names and every code, folds to lower case alone:
    // spared the conversions, as the client list filters on every frame.
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return lowercaseAscii(text);
    }
    return foldUnicode(text);
}

bool sameWhenFolded(std::string_view a, std::string_view b) {
    return a == b || foldForSearch(a) == foldForSearch(b);
}

bool matchesSearch(std::string_view haystack, std::string_view needle) {
    const std::string folded = foldForSearch(needle);
    const std::string_view wanted = trimmed(folded);
    return wanted.empty() || foldForSearch(haystack).find(wanted) != std::string::npos;
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
