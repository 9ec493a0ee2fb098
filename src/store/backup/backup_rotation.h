#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace knotmap {

// Which backups to delete: every backup of the last 24 hours before now is
// kept (so a backup is never deleted as it is taken, nor one taken by hand
// an hour ago), and beyond that the newest backup of each of the 7 most
// recent days that have one, of each of the 4 most recent weeks (Monday to
// Sunday) and of each of the 12 most recent months; every other one goes.
// Days, weeks and months are UTC, as the backups' names. Takes the backups'
// times (UTC seconds, any order) and returns the indices of those to
// delete, ascending.
[[nodiscard]] std::vector<std::size_t> backupsToPrune(const std::vector<std::int64_t>& times,
                                                      std::int64_t now);

} // namespace knotmap
