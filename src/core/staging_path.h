#pragma once

#include <filesystem>
#include <string_view>

// Files written under a hidden name first and renamed into place when
// complete, so a killed or failed writer never leaves a half file at the
// name a person asked for. OutputFile (core/output_file.h) does all of it
// for a file Knotmap writes itself; these are for one another writer made
// (SQLite, a decrypted folder).
namespace knotmap {

// ".NAME.partial-PID-TAG-N" in the folder given (target's own folder when
// empty), where nothing is yet. The process id lets a later run remove one
// a killed process left (store/backup/backup_file.h,
// removeAbandonedTemporaries).
[[nodiscard]] std::filesystem::path hiddenStagingPath(const std::filesystem::path& target,
                                                      std::string_view tag,
                                                      const std::filesystem::path& folder = {});

// Makes a rename or creation in file's folder durable (fsync of the
// folder). Returns 0, or the errno of the failure; a file system that
// cannot sync a folder (EINVAL) has nothing more to do, and returns 0.
int syncFolderOf(const std::filesystem::path& file);

enum class ExistingTarget {
    Keep,    // a target that exists is left as it is: the move fails with EEXIST
    Replace, // the target is replaced in one step
};

// Gives the complete, closed file or folder at staged the name target,
// privately and durably: staged is made 0600 (a folder 0700), synced
// (fsync), renamed, and target's folder synced, so after a power cut target
// is either what it was or all of staged.
// Keep uses renameat2(RENAME_NOREPLACE), or link() on file systems without
// it, so nothing another program put at target meanwhile is lost.
// Throws std::system_error with the errno (EEXIST when Keep met a target).
void moveIntoPlace(const std::filesystem::path& staged, const std::filesystem::path& target,
                   ExistingTarget existing);

} // namespace knotmap
