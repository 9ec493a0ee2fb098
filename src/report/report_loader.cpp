#include "report/report_loader.h"

#include "report/report_records.h"
#include "store/client_history_query.h"
#include "store/client_lookup.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/session_repository.h"
#include "store/vocabulary_repository.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unordered_map>

namespace knotmap::report {
namespace {

void summariseSessions(ReportData& data) {
    const auto& sessions = data.history.sessions;
    for (const HistorySession& session : sessions) {
        (session.kind == SessionKind::TherapyVisit ? data.visits : data.checkIns) += 1;
    }
    if (!sessions.empty()) {
        data.firstSessionDate = sessions.front().startedAt.localDate();
        data.lastSessionDate = sessions.back().startedAt.localDate();
        data.utcOffsetMinutes = sessions.back().startedAt.offsetMinutes();
    }
    std::vector<TimedRating> overall;
    for (const HistorySession& session : sessions) {
        if (session.overallPain) {
            overall.push_back({session.startedAt.utcSeconds(), double(*session.overallPain)});
        }
    }
    data.overallChange = rangeChange(overall, latestSpan(overall, 0.0));
}

void summariseKnots(ReportData& data) {
    // Observations are in session order, so the last one seen is the latest.
    std::unordered_map<Id, int> latestPain;
    for (const HistoryObservation& observation : data.history.observations) {
        latestPain[observation.knotId] = observation.pain;
    }
    for (const HistoryKnot& knot : data.history.knots) {
        const auto pain = latestPain.find(knot.id);
        if (pain == latestPain.end()) {
            continue;
        }
        data.knots.push_back(
            {knot.id, knot.view, knot.position, knotDisplayName(knot), knot.status, pain->second});
    }
    std::stable_sort(
        data.knots.begin(), data.knots.end(),
        [](const ReportKnot& a, const ReportKnot& b) { return a.latestPain > b.latestPain; });
}

} // namespace

Client findReportClient(Database& database, const std::string& name) {
    // Case and accents ignored, and two names folding alike refused (store/client_lookup.h).
    return requireClientNamed(database.sql(), name, database.describe());
}

ReportData loadReportData(Database& database, const Client& client, const DateRange& range) {
    ReportData data;
    data.client = client;
    data.requested = range;
    data.history = restrictToRange(loadClientHistory(database.sql(), client.id), range);
    for (const VocabularyItem& item :
         VocabularyRepository(database.sql()).list(Vocabulary::TreatmentKind, true)) {
        data.treatmentNames[item.code] = item.name;
    }
    std::unordered_map<Id, Session> sessionsById;
    for (SessionSummary& summary : SessionRepository(database.sql()).listForClient(client.id)) {
        if (inRange(range, summary.session.startedAt)) {
            sessionsById.emplace(summary.session.id, std::move(summary.session));
        }
    }
    summariseSessions(data);
    loadSessionRecords(database, data, sessionsById);
    summariseKnots(data);
    data.effects = treatmentEffects(data.history);
    return data;
}

} // namespace knotmap::report
