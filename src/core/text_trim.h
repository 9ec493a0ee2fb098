#pragma once

#include <string_view>

namespace knotmap {

// The blanks a person can type around a value: space, tab and line breaks.
inline constexpr std::string_view kBlanks = " \t\r\n";

// text without the blanks around it: what is saved of a typed name, and what
// is compared. A view into text, so it lives as long as text does.
[[nodiscard]] std::string_view trimmed(std::string_view text);

// True when text is empty or only blanks: a value left unsaid.
[[nodiscard]] bool isBlank(std::string_view text);

} // namespace knotmap
