#include "store/change_watch/server_change_watcher.h"

#include "store/change_watch/watcher_thread.h"
#include "store/sql/postgres/postgres_connection.h"

#include <pqxx/notification>
#include <pqxx/pqxx>

namespace knotmap {
namespace {

// How long one wait for a notice lasts before the thread checks whether it
// must stop; and how long it waits before connecting again after losing the
// server.
constexpr long kWaitMicroseconds = 200'000;
constexpr std::chrono::milliseconds kReconnectPause{2000};

class Receiver : public pqxx::notification_receiver {
public:
    Receiver(pqxx::connection_base& connection, const std::string& channel, int ownBackend,
             std::function<void()> onChange)
        : pqxx::notification_receiver(connection, channel), m_ownBackend(ownBackend),
          m_onChange(std::move(onChange)) {}

    void operator()(const std::string& /*payload*/, int backend) override {
        if (backend != m_ownBackend) {
            m_onChange();
        }
    }

private:
    int m_ownBackend;
    std::function<void()> m_onChange;
};

class ServerChangeWatcher : public ChangeWatcher {
public:
    ServerChangeWatcher(DatabaseLocation where, int ownBackend, std::function<void()> wake)
        : ChangeWatcher(std::move(wake)), m_where(std::move(where)), m_ownBackend(ownBackend) {
        m_thread.start(std::chrono::milliseconds(0), [this] { listen(); });
    }
    ~ServerChangeWatcher() override { m_thread.stop(); }

private:
    // One connection's life: connect, LISTEN, wait for notices until the
    // thread stops or the server goes away.
    void listen() {
        try {
            sql::PostgresConnection connection(m_where.conninfo(), m_where.password());
            // The triggers notify "knotmap SCHEMA" (db/postgresql/007).
            const std::string channel =
                "knotmap " + connection.execAndGet("SELECT current_schema()").getString();
            Receiver receiver(connection.raw(), channel, m_ownBackend, [this] { changed(); });
            if (m_lost) {
                changed(); // notices sent while the server was away are lost
                m_lost = false;
            }
            while (!m_thread.stopping()) {
                connection.raw().await_notification(0, kWaitMicroseconds);
            }
        } catch (const std::exception&) {
            m_lost = true;
            const auto until = std::chrono::steady_clock::now() + kReconnectPause;
            while (!m_thread.stopping() && std::chrono::steady_clock::now() < until) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
    }

    DatabaseLocation m_where;
    int m_ownBackend;
    bool m_lost = false;
    WatcherThread m_thread;
};

} // namespace

std::unique_ptr<ChangeWatcher> watchServer(const DatabaseLocation& where, int ownBackend,
                                           std::function<void()> wake) {
    return std::make_unique<ServerChangeWatcher>(where, ownBackend, std::move(wake));
}

} // namespace knotmap
