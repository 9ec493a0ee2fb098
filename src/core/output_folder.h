#pragma once

#include <filesystem>
#include <vector>

namespace knotmap {

// Creates folder and any missing folder above it, each 0700 whatever the
// umask (a chmod after mkdir): what goes into them may be health data.
// Folders that already exist are left as they are. Returns the folders it
// made, outermost first. Throws std::runtime_error naming the folder that
// could not be made: "out/new: cannot create the folder: Permission denied".
std::vector<std::filesystem::path> createOutputFolders(const std::filesystem::path& folder);

// Removes the folders createOutputFolders made, innermost first, as long as
// they are empty: a writer that failed before its first file leaves
// nothing new behind. Never throws.
void removeEmptyFolders(const std::vector<std::filesystem::path>& created) noexcept;

} // namespace knotmap
