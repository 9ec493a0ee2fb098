#pragma once

#include <cstdint>
#include <string>

// How backups are described to a person, the same in `knotmap backups` and
// the window's File > Restore… list.
namespace knotmap {

// "356 KB", "12.4 MB".
[[nodiscard]] std::string backupSizeText(std::int64_t bytes);

// When it was taken, in local time: "2026-12-05 14:02:31".
[[nodiscard]] std::string backupTimeText(std::int64_t utcSeconds);

} // namespace knotmap
