#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace knotmap {

// A date typed as YYYY-MM-DD (e.g. 2026-03-14) that is a real calendar day,
// as days since 1970-01-01 (daysFromCivil); none for anything else. The
// export's --from/--to and the export dialog's date fields read dates this way.
[[nodiscard]] std::optional<std::int64_t> parseCalendarDay(std::string_view text);

} // namespace knotmap
