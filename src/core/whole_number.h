#pragma once

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace knotmap {

// The whole number the text is, all of it (digits, and a minus sign first if
// negative); empty for anything else, including no text, spaces, a plus sign,
// a fraction or a number too large for Number. Callers trim and check ranges.
template <typename Number = int>
[[nodiscard]] std::optional<Number> parseWholeNumber(std::string_view text) {
    Number value{};
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end) {
        return std::nullopt;
    }
    return value;
}

// The same from digits alone: no sign, so "-1" and "+1" are not numbers
// here (an hour, a year or a month is never written with one).
template <typename Number = int>
[[nodiscard]] std::optional<Number> parseDigits(std::string_view text) {
    if (text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return parseWholeNumber<Number>(text);
}

} // namespace knotmap
