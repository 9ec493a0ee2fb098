#include "ui/app_view_model.h"

#include "core/domain_codes.h"
#include "store/client_repository.h"
#include "store/session_repository.h"

#include <array>
#include <cstdio>

namespace knotmap::ui {
namespace {

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// 1970-01-01 was a Thursday.
constexpr std::array<const char*, 7> kWeekdaysFromThursday = {"Thu", "Fri", "Sat", "Sun",
                                                              "Mon", "Tue", "Wed"};

std::string formatTime(const CivilDateTime& local) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", local.hour, local.minute);
    return text;
}

SessionRow makeRow(const SessionSummary& summary) {
    const CivilDateTime local = summary.session.startedAt.local();
    SessionRow row;
    row.id = summary.session.id;
    row.date = formatLongDate(local);
    row.time = formatTime(local);
    row.kind = std::string(displayName(summary.session.kind));
    row.overallPain = summary.session.overallPain;
    row.knots = summary.knotCount;
    row.treatments = summary.treatmentCount;
    return row;
}

std::string summariseSessions(const std::vector<SessionRow>& sessions) {
    if (sessions.empty()) {
        return "No sessions yet";
    }
    std::string text =
        std::to_string(sessions.size()) + (sessions.size() == 1 ? " session" : " sessions");
    return text + " \u00B7 last " + sessions.front().date.substr(4);
}

} // namespace

std::string formatLongDate(const CivilDateTime& local) {
    const std::int64_t days = daysFromCivil(local.year, local.month, local.day);
    const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
    const auto month = static_cast<std::size_t>(local.month - 1) % kMonths.size();
    char text[32];
    std::snprintf(text, sizeof text, "%s %d %s %d", kWeekdaysFromThursday[weekday], local.day,
                  kMonths[month], local.year);
    return text;
}

AppViewModel buildAppViewModel(Database& database) {
    ClientRepository clients(database.sql());
    SessionRepository sessions(database.sql());
    AppViewModel model;
    for (const Client& client : clients.list()) {
        ClientEntry entry;
        entry.id = client.id;
        entry.name = client.name;
        for (const SessionSummary& summary : sessions.listForClient(client.id)) {
            entry.sessions.push_back(makeRow(summary));
        }
        entry.sessionSummary = summariseSessions(entry.sessions);
        model.clients.push_back(std::move(entry));
    }
    return model;
}

const ClientEntry* findClient(const AppViewModel& model, Id id) {
    for (const ClientEntry& client : model.clients) {
        if (client.id == id) {
            return &client;
        }
    }
    return nullptr;
}

} // namespace knotmap::ui
