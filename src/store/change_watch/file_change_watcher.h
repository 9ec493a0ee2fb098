#pragma once

#include "store/change_watch/change_watcher.h"
#include "store/change_watch/watcher_thread.h"

#include <filesystem>

namespace knotmap {

// PRAGMA data_version on a read-only connection of the watcher's own.
[[nodiscard]] std::unique_ptr<ChangeWatcher> watchFile(const std::filesystem::path& path,
                                                       std::function<void()> wake);

} // namespace knotmap
