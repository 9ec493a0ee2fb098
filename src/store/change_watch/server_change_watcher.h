#pragma once

#include "store/change_watch/change_watcher.h"

namespace knotmap {

// LISTEN on a connection of the watcher's own; notices sent by the backend
// with process id ownBackend (the window's own commits) are left out.
[[nodiscard]] std::unique_ptr<ChangeWatcher>
watchServer(const DatabaseLocation& where, int ownBackend, std::function<void()> wake);

} // namespace knotmap
