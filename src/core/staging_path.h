#pragma once

#include <filesystem>
#include <string_view>

// Files written under a hidden name first and renamed into place when
// complete, so a killed or failed writer never leaves a half file at the
// name a person asked for.
namespace knotmap {

// ".NAME.partial-PID-TAG-N" in the folder given (target's own folder when
// empty), where nothing is yet. The process id lets a later run remove one
// a killed process left (store/backup/backup_file.h,
// removeAbandonedTemporaries).
[[nodiscard]] std::filesystem::path hiddenStagingPath(const std::filesystem::path& target,
                                                      std::string_view tag,
                                                      const std::filesystem::path& folder = {});

// Makes a rename or creation in file's folder durable (fsync of the
// folder); errors are ignored, as the data itself was synced.
void syncFolderOf(const std::filesystem::path& file);

} // namespace knotmap
