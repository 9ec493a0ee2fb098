#include "core/display_order.h"

#include "core/code_points.h"

#include <memory>
#include <unicode/ubidi.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>
#include <vector>

namespace knotmap {
namespace {

bool rightToLeft(char32_t codePoint) {
    return (codePoint >= 0x0590 && codePoint <= 0x08FF) || // Hebrew .. Arabic Extended-A
           (codePoint >= 0xFB1D && codePoint <= 0xFDFF) || // Hebrew, Arabic presentation A
           (codePoint >= 0xFE70 && codePoint <= 0xFEFF);   // Arabic presentation forms B
}

std::u16string toUtf16(std::string_view utf8, UErrorCode& status) {
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
    }
    std::u16string text(static_cast<std::size_t>(length), u'\0');
    u_strFromUTF8(text.data(), length, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()),
                  &status);
    return text;
}

std::string toUtf8(const std::u16string& text, UErrorCode& status) {
    int32_t length = 0;
    u_strToUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
    }
    std::string utf8(static_cast<std::size_t>(length), '\0');
    u_strToUTF8(utf8.data(), length, nullptr, text.data(), static_cast<int32_t>(text.size()),
                &status);
    return utf8;
}

struct BidiClose {
    void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

} // namespace

bool hasRightToLeft(std::string_view utf8) {
    for (std::size_t at = 0; at < utf8.size();) {
        if (static_cast<unsigned char>(utf8[at]) < 0x80) {
            ++at;
            continue;
        }
        if (rightToLeft(decodeUtf8(utf8, at))) {
            return true;
        }
    }
    return false;
}

std::string visualOrder(std::string_view utf8) {
    if (!hasRightToLeft(utf8)) {
        return std::string(utf8);
    }
    UErrorCode status = U_ZERO_ERROR;
    const std::u16string logical = toUtf16(utf8, status);
    // Shaping joins letters in logical order; lam-alef ligatures may shorten it.
    std::u16string shaped(logical.size() + 1, u'\0');
    const int32_t shapedLength = u_shapeArabic(
        logical.data(), static_cast<int32_t>(logical.size()), shaped.data(),
        static_cast<int32_t>(shaped.size()),
        U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK,
        &status);
    if (U_FAILURE(status)) {
        return std::string(utf8);
    }
    shaped.resize(static_cast<std::size_t>(shapedLength));

    const std::unique_ptr<UBiDi, BidiClose> bidi(ubidi_open());
    ubidi_setPara(bidi.get(), shaped.data(), static_cast<int32_t>(shaped.size()), UBIDI_DEFAULT_LTR,
                  nullptr, &status);
    std::u16string visual(shaped.size() + 1, u'\0');
    const int32_t visualLength =
        ubidi_writeReordered(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()),
                             UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
    if (U_FAILURE(status)) {
        return std::string(utf8);
    }
    visual.resize(static_cast<std::size_t>(visualLength));
    std::string result = toUtf8(visual, status);
    return U_FAILURE(status) ? std::string(utf8) : result;
}

std::string visualOrderByLine(std::string_view utf8) {
    if (!hasRightToLeft(utf8)) {
        return std::string(utf8);
    }
    std::string shown;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = utf8.find('\n', start);
        shown += visualOrder(utf8.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return shown;
        }
        shown += '\n';
        start = end + 1;
    }
}

} // namespace knotmap
