#include "report/report_data.h"

namespace knotmap::report {

std::string ReportData::treatmentName(const std::string& code) const {
    const auto found = treatmentNames.find(code);
    return found != treatmentNames.end() ? found->second : code;
}

bool inRange(const DateRange& range, const LocalTimestamp& startedAt) {
    // ISO dates compare correctly as text.
    const std::string date = startedAt.localDate();
    return (!range.from || date >= *range.from) && (!range.to || date <= *range.to);
}

ClientHistory restrictToRange(const ClientHistory& history, const DateRange& range) {
    ClientHistory result;
    result.clientId = history.clientId;
    result.knots = history.knots;
    std::vector<std::optional<std::size_t>> newIndex(history.sessions.size());
    for (std::size_t i = 0; i < history.sessions.size(); ++i) {
        if (inRange(range, history.sessions[i].startedAt)) {
            newIndex[i] = result.sessions.size();
            result.sessions.push_back(history.sessions[i]);
        }
    }
    for (const HistoryObservation& observation : history.observations) {
        if (const auto index = newIndex[observation.session]) {
            HistoryObservation kept = observation;
            kept.session = *index;
            result.observations.push_back(std::move(kept));
        }
    }
    for (const HistoryTreatment& treatment : history.treatments) {
        if (const auto index = newIndex[treatment.session]) {
            HistoryTreatment kept = treatment;
            kept.session = *index;
            result.treatments.push_back(std::move(kept));
        }
    }
    return result;
}

} // namespace knotmap::report
