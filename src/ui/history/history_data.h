#pragma once

#include "core/atlas.h"
#include "core/client_history.h"
#include "core/client_overview.h"
#include "core/knot_trend.h"
#include "core/region_heat.h"
#include "core/session_comparison.h"
#include "core/symptom_frequency.h"
#include "core/treatment_effect.h"
#include "store/database_location.h"
#include "ui/history/async_cache.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace knotmap::ui {

// The charts' data: each client's history read on a worker thread with its
// own read-only connection, and every analysis computed from it on a worker
// and cached by its inputs (client, date range, knot, sessions, lag). A frame
// only asks and draws what is ready; nothing here blocks it.
class HistoryData {
public:
    // What a view gets: the value (possibly stale, but always the asked
    // client's: another client's results are never shown in its place),
    // whether it is current, and any error.
    template <typename Value>
    struct Lookup {
        std::shared_ptr<const Value> value;
        bool current = false;
        std::string error;
    };

    HistoryData(DatabaseLocation database, const Atlas& atlas);

    // Computes on the calling thread: screenshots show results in their first frame.
    void setSynchronous(bool synchronous);
    // The workspace's version (ui/workspace/workspace.h), part of every key:
    // when it moves, everything is read and computed again.
    void setVersion(std::uint64_t version) { m_version = version; }
    // True while a worker is reading or computing.
    [[nodiscard]] bool busy() const;

    // Each: the value when ready, or the last one shown (stale) while the
    // requested one is computed, or none at first.
    Lookup<ClientHistory> history(Id client);
    Lookup<KnotTrend> knotTrend(Id client, Id knot);
    Lookup<std::vector<SessionOverview>> overview(Id client);
    Lookup<RegionHeat> heat(Id client, UtcRange range, HeatMode mode);
    // The body as it stood at one session (a frame of the animation).
    Lookup<RegionHeat> heatAt(Id client, std::size_t sessionIndex);
    Lookup<SessionComparison> comparison(Id client, std::size_t sessionA, std::size_t sessionB);
    Lookup<std::vector<TreatmentEffect>> effects(Id client, double lagDays);
    Lookup<SymptomFrequency> symptoms(Id client, UtcRange range);

    [[nodiscard]] const Atlas& atlas() const { return m_atlas; }

private:
    using HistoryPtr = std::shared_ptr<const ClientHistory>;
    // The client's history if ready (analyses wait for it).
    HistoryPtr readyHistory(Id client);
    // A cache's lookup as a view's, dropping a stale value of another client
    // (every key holds the client second).
    template <typename Value, typename CacheLookup>
    static Lookup<Value> forClient(const CacheLookup& lookup, Id client) {
        if (!lookup.current && lookup.key && std::get<1>(*lookup.key) != client) {
            return {nullptr, false, lookup.error};
        }
        return {lookup.value, lookup.current, lookup.error};
    }

    DatabaseLocation m_database; // each read opens its own read-only connection here
    const Atlas& m_atlas;
    // Part of every key: a change makes all of them new. Older results stay
    // until the new ones are ready (shown as stale), but the least recently
    // used go first, so old versions age out by themselves.
    std::uint64_t m_version = 0;
    AsyncCache<std::tuple<std::uint64_t, Id>, ClientHistory> m_histories{4};
    AsyncCache<std::tuple<std::uint64_t, Id, Id>, KnotTrend> m_trends{16};
    AsyncCache<std::tuple<std::uint64_t, Id>, std::vector<SessionOverview>> m_overviews{4};
    AsyncCache<std::tuple<std::uint64_t, Id, std::int64_t, std::int64_t, HeatMode>, RegionHeat>
        m_heat{16};
    AsyncCache<std::tuple<std::uint64_t, Id, std::size_t>, RegionHeat> m_heatFrames{64};
    AsyncCache<std::tuple<std::uint64_t, Id, std::size_t, std::size_t>, SessionComparison>
        m_comparisons{8};
    AsyncCache<std::tuple<std::uint64_t, Id, double>, std::vector<TreatmentEffect>> m_effects{8};
    AsyncCache<std::tuple<std::uint64_t, Id, std::int64_t, std::int64_t>, SymptomFrequency>
        m_symptoms{8};
};

} // namespace knotmap::ui
