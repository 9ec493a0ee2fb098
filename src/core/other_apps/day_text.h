#pragma once

#include <optional>
#include <string>
#include <string_view>

// Dates and clock times as other apps and spreadsheets write them, read into
// ISO text ("2026-03-14", "09:30"). Only forms that cannot be misread are
// accepted: 2026-03-14, 2026/03/14, "22nd Sep 2020", "22 September 2020",
// "Sep 22, 2020"; never 03/04/2026, which is March in one country and April
// in the next.
namespace knotmap {

// "2026-03-14", or nullopt when the text is no date in those forms.
[[nodiscard]] std::optional<std::string> isoDay(std::string_view text);

// "09:30" from "9:30", "09:30:15", "9:30 pm" or "21:30"; nullopt otherwise.
[[nodiscard]] std::optional<std::string> isoClock(std::string_view text);

} // namespace knotmap
