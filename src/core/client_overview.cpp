#include "core/client_overview.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace knotmap {

std::vector<SessionOverview> clientOverview(const ClientHistory& history, const Atlas& atlas) {
    // Resolve each knot's CHOIR code once, not once per observation.
    std::unordered_map<Id, const std::string*> choirOfKnot;
    choirOfKnot.reserve(history.knots.size());
    for (const HistoryKnot& knot : history.knots) {
        const AtlasRegion* region = atlas.findByCode(knot.regionCode);
        choirOfKnot[knot.id] = region && !region->choirCode.empty() ? &region->choirCode : nullptr;
    }

    std::vector<SessionOverview> overview;
    overview.reserve(history.sessions.size());
    for (std::size_t i = 0; i < history.sessions.size(); ++i) {
        SessionOverview entry;
        entry.session = i;
        entry.startedAt = history.sessions[i].startedAt;
        entry.overallPain = history.sessions[i].overallPain;
        overview.push_back(entry);
    }

    // Observations of one session are contiguous, so the distinct sets stay
    // small and are reset at each session boundary.
    std::vector<Id> seenKnots;
    std::vector<Id> painfulKnots;
    // Compared by text, not by region: several muscle regions share one CHOIR region.
    std::vector<std::string_view> choirCodes;
    const auto finish = [&](std::size_t session) {
        const auto distinct = [](auto& values) {
            std::sort(values.begin(), values.end());
            return static_cast<int>(std::unique(values.begin(), values.end()) - values.begin());
        };
        SessionOverview& entry = overview[session];
        entry.observedKnots = distinct(seenKnots);
        entry.activeKnots = distinct(painfulKnots);
        entry.widespreadness = distinct(choirCodes);
        seenKnots.clear();
        painfulKnots.clear();
        choirCodes.clear();
    };

    std::size_t current = history.sessions.size();
    for (const HistoryObservation& observation : history.observations) {
        if (observation.session >= history.sessions.size()) {
            continue;
        }
        if (observation.session != current) {
            if (current < history.sessions.size()) {
                finish(current);
            }
            current = observation.session;
        }
        seenKnots.push_back(observation.knotId);
        if (observation.pain <= 0) {
            continue;
        }
        painfulKnots.push_back(observation.knotId);
        const auto found = choirOfKnot.find(observation.knotId);
        if (found != choirOfKnot.end() && found->second) {
            choirCodes.push_back(*found->second);
        }
    }
    if (current < history.sessions.size()) {
        finish(current);
    }
    return overview;
}

std::vector<TimedRating> overallPainRatings(const std::vector<SessionOverview>& overview) {
    std::vector<TimedRating> ratings;
    for (const SessionOverview& session : overview) {
        if (session.overallPain) {
            ratings.push_back(
                {session.startedAt.utcSeconds(), static_cast<double>(*session.overallPain)});
        }
    }
    return ratings;
}

} // namespace knotmap
