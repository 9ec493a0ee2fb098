#include "ui/shell/app_view_model.h"

#include "core/domain_codes.h"
#include "store/client_repository.h"
#include "store/client_session_counts.h"
#include "store/knot_pain_query.h"
#include "store/knot_repository.h"
#include "store/session_repository.h"
#include "ui/clients/client_order.h"
#include "ui/style/glyph_coverage.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>

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
    row.isSigned = summary.isSigned;
    return row;
}

std::string shortDate(const LocalTimestamp& when) {
    return formatLongDate(when.local()).substr(4); // without the weekday
}

std::string countSessions(const std::optional<ClientSessionCount>& count) {
    if (!count || count->sessions == 0 || !count->latest) {
        return "No sessions yet";
    }
    return std::to_string(count->sessions) + (count->sessions == 1 ? " session" : " sessions");
}

std::string summariseSessions(const std::optional<ClientSessionCount>& count) {
    if (!count || count->sessions == 0 || !count->latest) {
        return "No sessions yet";
    }
    std::string text =
        std::to_string(count->sessions) + (count->sessions == 1 ? " session" : " sessions");
    return text + " \u00B7 last " + formatLongDate(count->latest->local()).substr(4);
}

BodyMapMarker makeMarker(const Knot& knot, const AtlasRegion* region,
                         const std::optional<LatestKnotPain>& latest) {
    BodyMapMarker marker;
    marker.knotId = knot.id;
    marker.view = knot.view;
    marker.position = {knot.position.x, knot.position.y};
    marker.resolved = knot.status == KnotStatus::Resolved;
    marker.regionCode = knot.regionCode;
    const std::string regionName = region != nullptr ? region->displayName : knot.regionCode;
    marker.title = knot.label.empty() ? regionName : knot.label;
    marker.detail = knot.label.empty() ? "" : regionName;
    if (latest) {
        marker.pain = latest->pain;
        marker.detail += (marker.detail.empty() ? "Last rated " : " \u00B7 last rated ") +
                         shortDate(latest->observedAt);
    }
    return marker;
}

// Markers for every knot and the per-region heat from the active ones.
void addKnots(ClientEntry& entry, Database& database, const Atlas* atlas) {
    const auto latest = latestPainByKnot(database.sql(), entry.id);
    if (atlas != nullptr) {
        entry.regionPain.assign(atlas->regions().size(), std::nullopt);
    }
    for (const Knot& knot : KnotRepository(database.sql()).listForClient(entry.id)) {
        const AtlasRegion* region = atlas != nullptr ? atlas->findByCode(knot.regionCode) : nullptr;
        const auto found = latest.find(knot.id);
        const std::optional<LatestKnotPain> pain =
            found != latest.end() ? std::optional(found->second) : std::nullopt;
        entry.markers.push_back(makeMarker(knot, region, pain));
        if (region != nullptr && pain && knot.status == KnotStatus::Active) {
            auto& heat = entry.regionPain[static_cast<std::size_t>(region->index)];
            heat = std::max(heat.value_or(0.0), static_cast<double>(pain->pain));
        }
    }
}

// An individual's new database shows one client, "Me", before anything is
// saved: the first knot logged on the map creates it (KnotLogController), so
// merely opening the window never writes to the file.
ClientEntry placeholderMe() {
    ClientEntry me;
    me.id = 0;
    me.name = "Me";
    me.sessionSummary = summariseSessions(std::nullopt);
    me.sessionCount = countSessions(std::nullopt);
    me.detailed = true; // nothing to read
    return me;
}

// The window's fonts gain the glyphs of every name and label it lists.
void noteListedText(const AppViewModel& model) {
    for (const ClientEntry& client : model.clients) {
        noteShownText(client.name);
    }
    for (const ArchivedClient& client : model.archivedClients) {
        noteShownText(client.name);
    }
    for (const auto* items : {&model.vocabularies.symptoms, &model.vocabularies.treatments,
                              &model.vocabularies.triggers}) {
        for (const VocabularyItem& item : *items) {
            noteShownText(item.name);
        }
    }
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

std::string formatMoment(const LocalTimestamp& when) {
    const CivilDateTime local = when.local();
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", local.hour, local.minute);
    return formatLongDate(local) + " at " + time;
}

AppViewModel buildAppViewModel(Database& database, std::optional<Id> detailed) {
    ClientRepository clients(database.sql());
    AppViewModel model;
    try {
        model.atlas = &Atlas::builtIn();
    } catch (const std::exception& error) {
        // The rest of the window still works; the map says why it is missing.
        model.atlasError = error.what();
    }
    const auto counts = sessionCountsByClient(database.sql());
    for (const Client& client : clients.list()) {
        noteShownText(client.notes); // the client pane shows them
        ClientEntry entry;
        entry.id = client.id;
        entry.name = client.name;
        const auto found = counts.find(client.id);
        const auto count = found != counts.end() ? std::optional(found->second) : std::nullopt;
        entry.sessionSummary = summariseSessions(count);
        entry.sessionCount = countSessions(count);
        entry.lastSessionDate = count && count->latest ? shortDate(*count->latest) : "";
        entry.birthYear = client.birthYear;
        entry.notes = client.notes;
        entry.version = client.version;
        model.clients.push_back(std::move(entry));
    }
    sortClientsForDisplay(model.clients);
    if (model.clients.empty()) {
        model.clients.push_back(placeholderMe());
    } else if (!detailed || findClient(model, *detailed) == nullptr) {
        detailed = model.clients.front().id;
    }
    if (detailed) {
        loadClientDetails(database, model, *detailed);
    }
    model.archivedClients = readArchivedClients(database.sql());
    model.vocabularies = readVocabularyLists(database.sql());
    noteListedText(model);
    return model;
}

void loadClientDetails(Database& database, AppViewModel& model, Id id) {
    const auto target = std::find_if(model.clients.begin(), model.clients.end(),
                                     [id](const ClientEntry& client) { return client.id == id; });
    if (target == model.clients.end() || target->detailed) {
        return;
    }
    ClientEntry details;
    details.id = target->id;
    details.name = target->name;
    details.sessionSummary = target->sessionSummary;
    details.sessionCount = target->sessionCount;
    details.lastSessionDate = target->lastSessionDate;
    details.birthYear = target->birthYear;
    details.notes = target->notes;
    for (const SessionSummary& summary : SessionRepository(database.sql()).listForClient(id)) {
        details.sessions.push_back(makeRow(summary));
    }
    addKnots(details, database, model.atlas);
    for (const BodyMapMarker& marker : details.markers) {
        noteShownText(marker.title); // a knot's own label
    }
    details.detailed = true;
    // Only one client's details are kept: the rest are read again when shown.
    for (ClientEntry& client : model.clients) {
        if (client.detailed && client.id != 0) {
            // The list's fields stay; the sessions and knots go.
            client.detailed = false;
            client.sessions = {};
            client.markers = {};
            client.regionPain = {};
        }
    }
    *target = std::move(details);
}

std::optional<Id> detailedClient(const AppViewModel& model) {
    for (const ClientEntry& client : model.clients) {
        if (client.detailed) {
            return client.id;
        }
    }
    return std::nullopt;
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
