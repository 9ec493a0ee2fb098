#include "report/report_loader.h"

#include "core/atlas.h"
#include "store/client_history_query.h"
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

bool sameName(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// A visit's free-text notes may be empty while its SOAP fields hold the story.
std::string sessionNotes(const Session& session) {
    if (!session.notes.empty()) {
        return session.notes;
    }
    std::string joined;
    const std::pair<const char*, const std::string*> fields[] = {{"S: ", &session.subjective},
                                                                 {"O: ", &session.objective},
                                                                 {"A: ", &session.assessment},
                                                                 {"P: ", &session.plan}};
    for (const auto& [prefix, text] : fields) {
        if (!text->empty()) {
            joined += (joined.empty() ? "" : " ") + std::string(prefix) + *text;
        }
    }
    return joined;
}

// "Massage x2, Heat": kinds in first-use order, repeats counted.
std::string treatmentSummary(const ReportData& data, std::size_t session) {
    std::vector<std::pair<std::string, int>> counts;
    for (const HistoryTreatment& treatment : data.history.treatments) {
        if (treatment.session != session) {
            continue;
        }
        auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) {
            return entry.first == treatment.kindCode;
        });
        if (found == counts.end()) {
            counts.emplace_back(treatment.kindCode, 1);
        } else {
            ++found->second;
        }
    }
    std::string text;
    for (const auto& [code, count] : counts) {
        text += (text.empty() ? "" : ", ") + data.treatmentName(code) +
                (count > 1 ? " x" + std::to_string(count) : "");
    }
    return text;
}

void summariseSessions(ReportData& data, const std::unordered_map<Id, Session>& sessionsById) {
    const auto& sessions = data.history.sessions;
    std::vector<int> knotsRated(sessions.size(), 0);
    for (const HistoryObservation& observation : data.history.observations) {
        ++knotsRated[observation.session];
    }
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const HistorySession& session = sessions[i];
        (session.kind == SessionKind::TherapyVisit ? data.visits : data.checkIns) += 1;
        SessionRow row;
        row.date = session.startedAt.localDate();
        row.kind = session.kind;
        row.overallPain = session.overallPain;
        row.knotsRated = knotsRated[i];
        row.treatments = treatmentSummary(data, i);
        if (const auto found = sessionsById.find(session.id); found != sessionsById.end()) {
            row.notes = sessionNotes(found->second);
        }
        data.sessions.push_back(std::move(row));
    }
    if (!sessions.empty()) {
        data.firstSessionDate = sessions.front().startedAt.localDate();
        data.lastSessionDate = sessions.back().startedAt.localDate();
        data.utcOffsetMinutes = sessions.back().startedAt.offsetMinutes();
    }
    const auto rated = [](const HistorySession& s) {
        return s.overallPain.has_value();
    };
    const auto first = std::find_if(sessions.begin(), sessions.end(), rated);
    const auto latest = std::find_if(sessions.rbegin(), sessions.rend(), rated);
    if (first != sessions.end()) {
        data.overallChange = painChange(*first->overallPain, *latest->overallPain);
        data.overallFirstDate = first->startedAt.localDate();
        data.overallLatestDate = latest->startedAt.localDate();
    }
}

void summariseKnots(ReportData& data) {
    const Atlas& atlas = Atlas::builtIn();
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
        ReportKnot entry{knot.id, knot.view, knot.position, knot.label, knot.status, pain->second};
        if (entry.name.empty()) {
            const AtlasRegion* region = atlas.findByCode(knot.regionCode);
            entry.name = region != nullptr ? region->displayName : knot.regionCode;
        }
        data.knots.push_back(std::move(entry));
    }
    std::stable_sort(
        data.knots.begin(), data.knots.end(),
        [](const ReportKnot& a, const ReportKnot& b) { return a.latestPain > b.latestPain; });
}

} // namespace

Client findReportClient(Database& database, const std::string& name) {
    const std::vector<Client> clients = ClientRepository(database.sql()).list(true);
    for (const Client& client : clients) {
        if (sameName(client.name, name)) {
            return client;
        }
    }
    std::string known;
    for (const Client& client : clients) {
        known += (known.empty() ? "" : ", ") + client.name;
    }
    throw std::runtime_error(
        "no client named '" + name + "' in " + database.path().string() +
        (known.empty() ? " (it has no clients)" : " (clients: " + known + ")"));
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
    summariseSessions(data, sessionsById);
    summariseKnots(data);
    data.effects = treatmentEffects(data.history);
    return data;
}

} // namespace knotmap::report
