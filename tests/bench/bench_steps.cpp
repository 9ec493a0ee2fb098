#include "bench_steps.h"

#include "store/client_history_query.h"

#include <stdexcept>

namespace knotmap::bench {
namespace {

// Keeps a result alive so the optimiser cannot drop the work.
template <typename T>
void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

Id busiestClient(Database& database) {
    SQLite::Statement query(database.sql(), "SELECT client_id FROM session GROUP BY client_id"
                                            " ORDER BY count(*) DESC, client_id LIMIT 1");
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

} // namespace

BenchData::BenchData(const std::string& file)
    : path(file), database(Database::open(file)), model(ui::buildAppViewModel(database)) {
    for (const ui::ClientEntry& client : model.clients) {
        clientIds.push_back(client.id);
    }
    history = loadClientHistory(database.sql(), busiestClient(database));
}

std::string BenchData::describe() const {
    return path + ": " + std::to_string(clientIds.size()) + " clients; busiest has " +
           std::to_string(history.sessions.size()) + " sessions, " +
           std::to_string(history.observations.size()) + " observations";
}

std::vector<Step> steps() {
    std::vector<Step> all;
    all.push_back({"open: database + client list", true, [](BenchData& data, int) {
                       Database database = Database::open(data.path);
                       keep(ui::buildAppViewModel(database));
                   }});
    all.push_back({"switch client", true, [](BenchData& data, int round) {
                       // A different client each round: never one already read.
                       const std::size_t count = data.clientIds.size();
                       const Id next = data.clientIds[static_cast<std::size_t>(round + 1) % count];
                       if (next == ui::detailedClient(data.model)) {
                           return;
                       }
                       ui::loadClientDetails(data.database, data.model, next);
                   }});
    all.push_back({"read history for charts (worker)", false, [](BenchData& data, int) {
                       keep(loadClientHistory(data.database.sql(), data.history.clientId));
                   }});
    return all;
}

} // namespace knotmap::bench
