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

} // namespace knotmap
