#pragma once

#include "core/domain.h"
#include "store/practice/front_desk_records.h"
#include "ui/style/theme.h"
#include "ui/widgets/notice_banner.h"

#include <optional>
#include <string>
#include <vector>

// The front desk's window (docs/practice.md): the clients, their contact
// details and their visits' dates, nothing clinical. The app reads the
// records between frames (app/front_desk_gui.cpp) and the screen draws them
// and asks for changes; nothing here reads the database.
namespace knotmap::ui {

// What the screen shows, as last read.
struct FrontDeskData {
    std::vector<Client> clients; // archived ones too
    Id visitsOf = 0;             // whose visits these are (0: nobody's yet)
    std::vector<FrontDeskVisit> visits;
};

// The details form of the client on the right, or of a new one.
struct ClientDraft {
    Id clientId = 0;     // 0: a new client
    int version = 0;     // of the client as shown when typing began
    bool edited = false; // typed into since it was filled in
    bool focusName = false;
    std::string name;
    std::string birthYear;
    std::string notes;
    std::string problem; // why the last save was refused, as a sentence
    std::string saved;   // "Saved." after a save, until the next edit
    // A save was refused because somebody else changed the client meanwhile:
    // the typed text stays, and the next Save replaces their version
    // (theirVersion, once known), or Discard shows theirs.
    bool conflict = false;
    int theirVersion = 0;
};

struct VisitBooking {
    Id clientId = 0;  // whose visit: another client's form starts afresh
    std::string date; // YYYY-MM-DD
    std::string time; // HH:MM
    int kind = 0;     // 0 therapy visit, 1 self check-in
    std::string problem;
    std::string booked; // "Booked for Sat 5 Dec 2026 at 14:00."
};

struct VisitRequest {
    Id clientId = 0;
    LocalTimestamp at;
    SessionKind kind = SessionKind::TherapyVisit;
};

// What the person asked for this frame; the app carries it out.
struct FrontDeskRequests {
    std::optional<Client> addClient;
    std::optional<Client> saveClient;
    std::optional<VisitRequest> bookVisit;
};

// What the person asked for that leaves the form (another client, a new
// one, Quit): done at once when nothing was typed, else once the typed
// details were saved (as Save would); a refused save stays, saying why.
struct FrontDeskLeave {
    enum class To { Client, NewClient, Quit };
    To to = To::Client;
    Id clientId = 0; // for To::Client
};

struct FrontDeskScreenState {
    std::string signedIn; // "Fran Desk · front desk"
    std::string database; // where, for the menu bar
    ThemeKind theme = ThemeKind::Light;
    int fontScalePercent = 100; // View > Text size; the app keeps the settings in step
    bool quitRequested = false;
    std::string search;
    bool showArchived = false;
    std::optional<Id> selected;
    bool creating = false; // the right side shows a new client's form
    ClientDraft draft;
    VisitBooking booking;
    NoticeState notice;
    FrontDeskRequests requests;
    std::optional<FrontDeskLeave> afterSave; // once requests' save succeeded
    bool quitUnsaved = false;                // a save before Quit failed: Quit again closes anyway
};

} // namespace knotmap::ui
