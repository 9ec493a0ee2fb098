#include "ui/history/history_data.h"

#include "store/client_history_query.h"
#include "store/database.h"
#include "store/sql/connection.h"

namespace knotmap::ui {

HistoryData::HistoryData(DatabaseLocation database, const Atlas& atlas)
    : m_database(std::move(database)), m_atlas(atlas) {}

void HistoryData::setSynchronous(bool synchronous) {
    m_histories.setSynchronous(synchronous);
    m_trends.setSynchronous(synchronous);
    m_overviews.setSynchronous(synchronous);
    m_heat.setSynchronous(synchronous);
    m_heatFrames.setSynchronous(synchronous);
    m_comparisons.setSynchronous(synchronous);
    m_effects.setSynchronous(synchronous);
    m_symptoms.setSynchronous(synchronous);
}

bool HistoryData::busy() const {
    return m_histories.busy() || m_trends.busy() || m_overviews.busy() || m_heat.busy() ||
           m_heatFrames.busy() || m_comparisons.busy() || m_effects.busy() || m_symptoms.busy();
}

HistoryData::Lookup<ClientHistory> HistoryData::history(Id client) {
    const auto lookup = m_histories.get({m_version, client}, [where = m_database, client] {
        // Its own connection: the window's stays free for saving, and it
        // reads a consistent snapshot while the window writes.
        const std::unique_ptr<sql::Connection> db = openReader(where);
        return loadClientHistory(*db, client);
    });
    return forClient<ClientHistory>(lookup, client);
}

HistoryData::HistoryPtr HistoryData::readyHistory(Id client) {
    const auto lookup = history(client);
    return lookup.current ? lookup.value : nullptr;
}

namespace {

// A lookup for an analysis whose history is not read yet: nothing to show.
template <typename Value>
HistoryData::Lookup<Value> waiting() {
    return {};
}

} // namespace

HistoryData::Lookup<KnotTrend> HistoryData::knotTrend(Id client, Id knot) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<KnotTrend>();
    }
    const auto lookup = m_trends.get(
        {m_version, client, knot}, [history, knot] { return knotmap::knotTrend(*history, knot); });
    return forClient<KnotTrend>(lookup, client);
}

HistoryData::Lookup<std::vector<SessionOverview>> HistoryData::overview(Id client) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<std::vector<SessionOverview>>();
    }
    const auto lookup = m_overviews.get({m_version, client}, [history, &atlas = m_atlas] {
        return clientOverview(*history, atlas);
    });
    return forClient<std::vector<SessionOverview>>(lookup, client);
}

HistoryData::Lookup<RegionHeat> HistoryData::heat(Id client, UtcRange range, HeatMode mode) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<RegionHeat>();
    }
    const auto lookup =
        m_heat.get({m_version, client, range.fromUtc, range.toUtc, mode},
                   [history, &atlas = m_atlas, range, mode] {
                       return regionHeat(*history, atlas, range.fromUtc, range.toUtc, mode);
                   });
    return forClient<RegionHeat>(lookup, client);
}

HistoryData::Lookup<RegionHeat> HistoryData::heatAt(Id client, std::size_t sessionIndex) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<RegionHeat>();
    }
    const auto lookup = m_heatFrames.get(
        {m_version, client, sessionIndex}, [history, &atlas = m_atlas, sessionIndex] {
            return regionHeatAtSession(*history, atlas, sessionIndex);
        });
    return forClient<RegionHeat>(lookup, client);
}

HistoryData::Lookup<SessionComparison> HistoryData::comparison(Id client, std::size_t sessionA,
                                                               std::size_t sessionB) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<SessionComparison>();
    }
    const auto lookup = m_comparisons.get(
        {m_version, client, sessionA, sessionB}, [history, &atlas = m_atlas, sessionA, sessionB] {
            return compareSessions(*history, atlas, sessionA, sessionB);
        });
    return forClient<SessionComparison>(lookup, client);
}

HistoryData::Lookup<std::vector<TreatmentEffect>> HistoryData::effects(Id client, double lagDays) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<std::vector<TreatmentEffect>>();
    }
    const auto lookup = m_effects.get({m_version, client, lagDays}, [history, lagDays] {
        return treatmentEffects(*history, lagDays);
    });
    return forClient<std::vector<TreatmentEffect>>(lookup, client);
}

HistoryData::Lookup<SymptomFrequency> HistoryData::symptoms(Id client, UtcRange range) {
    const HistoryPtr history = readyHistory(client);
    if (!history) {
        return waiting<SymptomFrequency>();
    }
    const auto lookup =
        m_symptoms.get({m_version, client, range.fromUtc, range.toUtc},
                       [history, range] { return symptomFrequency(*history, range); });
    return forClient<SymptomFrequency>(lookup, client);
}

} // namespace knotmap::ui
