#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "store/database.h"
#include "ui/body_map/body_map_types.h"
#include "ui/clients/client_pane_data.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// One row of a client's session table, formatted for display.
struct SessionRow {
    Id id = 0;
    std::string date; // local date, e.g. "Sat 14 Mar 2026"
    std::string time; // local time, e.g. "09:30"
    std::string kind; // "Self check-in" or "Therapy visit"
    std::optional<int> overallPain;
    int knots = 0;
    int treatments = 0;
    bool isSigned = false; // a signed therapy visit
};

struct ClientEntry {
    Id id = 0;
    std::string name;
    std::string sessionSummary; // e.g. "12 sessions · last 14 Mar 2026"
    // The summary's two parts, for the client list's columns.
    std::string sessionCount;    // "12 sessions", or "No sessions yet"
    std::string lastSessionDate; // "14 Mar 2026", or "" without sessions
    std::optional<int> birthYear;
    std::string notes;
    int version = 0; // the client row's version (store/row_version.h)
    // The rest is read only for the client on screen (loadClientDetails):
    // a therapist's whole practice would take seconds to read up front.
    bool detailed = false;
    std::vector<SessionRow> sessions; // newest first
    // The client's knots for the body map, coloured by their latest pain.
    std::vector<BodyMapMarker> markers;
    // By atlas region index: the highest latest pain of the active knots in
    // that region (the map's heat), none where no active knot was rated.
    std::vector<std::optional<double>> regionPain;
};

// Everything the main window shows, read from the store in one go. Panels
// draw from this; the store is only queried again when the data changes.
struct AppViewModel {
    // By name; archived clients are left out. A database without clients
    // shows one placeholder "Me" with id 0, saved with its first knot.
    std::vector<ClientEntry> clients;
    // For the client list's "Show archived" and the vocabulary manager.
    std::vector<ArchivedClient> archivedClients;
    VocabularyLists vocabularies;
    const Atlas* atlas = nullptr; // the built-in atlas; null if it failed to load
    std::string atlasError;       // why, when it failed
};

// Reads the client list with each client's session count, and the details
// (sessions, knots) of one client: detailedClient, or the first listed when
// that is none or gone. Throws what the store throws.
[[nodiscard]] AppViewModel buildAppViewModel(Database& database,
                                             std::optional<Id> detailedClient = std::nullopt);

// Reads the details of client id into the model and drops those of any other
// client; does nothing when that client is already detailed or not listed.
void loadClientDetails(Database& database, AppViewModel& model, Id id);

// The client whose details the model holds, if any.
[[nodiscard]] std::optional<Id> detailedClient(const AppViewModel& model);

[[nodiscard]] const ClientEntry* findClient(const AppViewModel& model, Id id);

// "Sat 14 Mar 2026" for a local date.
[[nodiscard]] std::string formatLongDate(const CivilDateTime& local);
// "Sat 14 Mar 2026 at 10:05", at the moment's own UTC offset.
[[nodiscard]] std::string formatMoment(const LocalTimestamp& when);

} // namespace knotmap::ui
