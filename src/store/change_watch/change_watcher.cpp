#include "store/change_watch/change_watcher.h"

#include "store/change_watch/file_change_watcher.h"
#include "store/change_watch/server_change_watcher.h"

namespace knotmap {

std::unique_ptr<ChangeWatcher> watchChanges(const DatabaseLocation& where, sql::Connection& own,
                                            std::function<void()> wake) {
    if (!where.isServer()) {
        return watchFile(where.file(), std::move(wake));
    }
    int ownBackend = 0;
    try {
        ownBackend = static_cast<int>(own.execAndGet("SELECT pg_backend_pid()").getInt64());
    } catch (const std::exception&) {
        // The window's own saves then count as changes too: one more read.
    }
    return watchServer(where, ownBackend, std::move(wake));
}

} // namespace knotmap
