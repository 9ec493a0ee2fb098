#pragma once

#include <filesystem>
#include <thread>

namespace knotmap {

// The window's automatic backup: when the database file it opens holds
// records and its newest backup is more than a day old (or it has none), a
// checked backup goes into the backups folder beside it
// (store/backup/backup_catalog.h), on a thread of its own so the window
// shows at once. Destroying it waits for a backup under way, so closing the
// window never leaves a partial one. Failures are reported on stderr only:
// the person's work goes on either way.
class DailyBackup {
public:
    explicit DailyBackup(std::filesystem::path database);
    ~DailyBackup();
    DailyBackup(const DailyBackup&) = delete;
    DailyBackup& operator=(const DailyBackup&) = delete;

private:
    std::thread m_worker;
};

} // namespace knotmap
