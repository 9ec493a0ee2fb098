#include "bench_steps.h"

#include "core/atlas.h"
#include "core/client_overview.h"
#include "core/knot_trend.h"
#include "core/region_heat.h"
#include "core/session_comparison.h"
#include "core/symptom_frequency.h"
#include "core/treatment_effect.h"
#include "store/client_history_query.h"
#include "store/sql/statement.h"

#include <algorithm>
#include <stdexcept>

namespace knotmap::bench {
namespace {

// Keeps a result alive so the optimiser cannot drop the work.
template <typename T>
void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

Id busiestClient(Database& database) {
    sql::Statement query(database.sql(), "SELECT client_id FROM session GROUP BY client_id"
                                         " ORDER BY count(*) DESC, client_id LIMIT 1");
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

} // namespace

BenchData::BenchData(const DatabaseLocation& where)
    : location(where), database(Database::open(where)), model(ui::buildAppViewModel(database)) {
    for (const ui::ClientEntry& client : model.clients) {
        clientIds.push_back(client.id);
    }
    history = loadClientHistory(database.sql(), busiestClient(database));
}

std::string BenchData::describe() const {
    return location.describe() + ": " + std::to_string(clientIds.size()) +
           " clients; busiest has " + std::to_string(history.sessions.size()) + " sessions, " +
           std::to_string(history.observations.size()) + " observations";
}

std::vector<Step> steps() {
    std::vector<Step> all;
    all.push_back({"open: database + client list", true,
                   [](BenchData& data, int) {
                       Database database = Database::open(data.location);
                       keep(ui::buildAppViewModel(database));
                   },
                   true});
    all.push_back({"switch client", true,
                   [](BenchData& data, int round) {
                       // A different client each round: never one already read.
                       const std::size_t count = data.clientIds.size();
                       const Id next = data.clientIds[static_cast<std::size_t>(round + 1) % count];
                       if (next == ui::detailedClient(data.model)) {
                           return;
                       }
                       ui::loadClientDetails(data.database, data.model, next);
                   },
                   true});
    all.push_back({"read history for charts (worker)", false,
                   [](BenchData& data, int) {
                       keep(loadClientHistory(data.database.sql(), data.history.clientId));
                   },
                   true});
    // What a switch costs before the charts show: the details, the history
    // and the overview of the next client.
    all.push_back({"switch client with charts", true,
                   [](BenchData& data, int round) {
                       const std::size_t count = data.clientIds.size();
                       const Id next = data.clientIds[static_cast<std::size_t>(round + 2) % count];
                       ui::loadClientDetails(data.database, data.model, next);
                       const ClientHistory history = loadClientHistory(data.database.sql(), next);
                       keep(clientOverview(history, Atlas::builtIn()));
                   },
                   true});
    // A new date range on the heat map: the history is already in memory.
    all.push_back(
        {"change date range: heat map", true, [](BenchData& data, int round) {
             if (data.history.sessions.empty()) {
                 keep(regionHeat(data.history, Atlas::builtIn(), 0, 0, HeatMode::Average));
                 return;
             }
             const std::int64_t last = data.history.sessions.back().startedAt.utcSeconds();
             const std::int64_t days = 30 + 45 * (round % 8);
             keep(regionHeat(data.history, Atlas::builtIn(), last - days * 86400, last,
                             round % 2 == 0 ? HeatMode::Average : HeatMode::Peak));
         }});
    all.push_back({"heat animation frame", false, [](BenchData& data, int round) {
                       const std::size_t sessions =
                           std::max<std::size_t>(1, data.history.sessions.size());
                       keep(regionHeatAtSession(data.history, Atlas::builtIn(),
                                                static_cast<std::size_t>(round * 97) % sessions));
                   }});
    all.push_back(
        {"knot trend (worker)", false, [](BenchData& data, int round) {
             const std::size_t knots = data.history.knots.size();
             keep(knotTrend(
                 data.history,
                 knots == 0 ? 0 : data.history.knots[static_cast<std::size_t>(round) % knots].id));
         }});
    all.push_back({"client overview (worker)", false, [](BenchData& data, int) {
                       keep(clientOverview(data.history, Atlas::builtIn()));
                   }});
    all.push_back(
        {"compare two sessions (worker)", false, [](BenchData& data, int) {
             const std::size_t last =
                 data.history.sessions.empty() ? 0 : data.history.sessions.size() - 1;
             keep(compareSessions(data.history, Atlas::builtIn(), last > 30 ? last - 30 : 0, last));
         }});
    all.push_back({"treatment effect (worker)", false, [](BenchData& data, int round) {
                       keep(treatmentEffects(data.history, static_cast<double>(round % 3)));
                   }});
    all.push_back({"symptom frequency (worker)", false, [](BenchData& data, int) {
                       keep(symptomFrequency(data.history));
                   }});
    return all;
}

} // namespace knotmap::bench
