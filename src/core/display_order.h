#pragma once

#include <string>
#include <string_view>

// Right-to-left text for a renderer that only draws code points left to
// right (ImGui 1.86, libharu): Arabic letters become their joined
// presentation forms and the line is put in visual order, through ICU
// (u_shapeArabic, then the Unicode bidirectional algorithm). For display
// only: stored, searched and edited text stays in logical order.
namespace knotmap {

// True when the text holds a right-to-left character (Hebrew, Arabic,
// Syriac, Thaana, N'Ko and their presentation forms).
[[nodiscard]] bool hasRightToLeft(std::string_view utf8);

// The text as it should be drawn left to right on one line, the paragraph's
// direction taken from its first strong character. Text without
// right-to-left characters comes back unchanged, as does text ICU rejects.
[[nodiscard]] std::string visualOrder(std::string_view utf8);

// visualOrder for each line of a multi-line text (notes), the line breaks
// kept. A line the window wraps further still wraps in visual order.
[[nodiscard]] std::string visualOrderByLine(std::string_view utf8);

} // namespace knotmap
