#include "store/change_watch/file_change_watcher.h"

#include "store/sqlite_file/open_file.h"

#include <optional>

namespace knotmap {
namespace {

// Four times a second: a change shows within the second, and a read of
// data_version costs microseconds (no table is read).
constexpr std::chrono::milliseconds kPollInterval{250};

class FileChangeWatcher : public ChangeWatcher {
public:
    FileChangeWatcher(std::filesystem::path path, std::function<void()> wake)
        : ChangeWatcher(std::move(wake)), m_path(std::move(path)) {
        m_thread.start(kPollInterval, [this] { poll(); });
    }
    ~FileChangeWatcher() override { m_thread.stop(); } // before the members go

private:
    void poll() {
        try {
            if (!m_reader) {
                m_reader = openFileReader(m_path);
            }
            const auto version = m_reader->execAndGet("PRAGMA data_version").getInt64();
            if ((m_lastVersion && *m_lastVersion != version) || m_lost) {
                changed();
            }
            m_lastVersion = version;
            m_lost = false;
        } catch (const std::exception&) {
            // The file went away or is being restored: try again next round
            // with a new connection, and read everything again once back.
            m_reader.reset();
            m_lastVersion.reset();
            m_lost = true;
        }
    }

    std::filesystem::path m_path;
    std::unique_ptr<sql::Connection> m_reader; // the watcher thread's own
    std::optional<std::int64_t> m_lastVersion;
    bool m_lost = false; // changes may have been missed while it could not read
    WatcherThread m_thread;
};

} // namespace

std::unique_ptr<ChangeWatcher> watchFile(const std::filesystem::path& path,
                                         std::function<void()> wake) {
    return std::make_unique<FileChangeWatcher>(path, std::move(wake));
}

} // namespace knotmap
