#include "app/front_desk_actions.h"

#include "store/practice/front_desk_records.h"
#include "store/store_error.h"
#include "ui/front_desk/front_desk_client_form.h"
#include "ui/front_desk/front_desk_screen.h"
#include "ui/front_desk/front_desk_visits.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/glyph_coverage.h"

#include <cstdio>
#include <iostream>
#include <optional>
#include <utility>

namespace knotmap {
namespace {

constexpr const char* kSaveFailed = "Knotmap couldn't save that change";
constexpr const char* kReadFailed = "Knotmap couldn't read the clients again";

void showFailure(ui::NoticeState& notice, const char* title, const std::exception& error,
                 const char* detail) {
    notice.title = title;
    notice.message = error.what();
    notice.detail = detail;
    notice.visible = true;
}

// Runs one write; a refusal the person can act on goes beside the form
// (problem), anything else to the notice. True when the records must be
// read again.
template <typename Write>
bool attempt(ui::FrontDeskScreenState& state, std::string& problem, Write&& write) {
    try {
        write();
        if (state.notice.title == kSaveFailed) {
            state.notice.visible = false;
        }
        return true;
    } catch (const ValidationError& error) {
        problem = error.what();
    } catch (const ConflictError& error) {
        if (&problem != &state.draft.problem) {
            problem = error.what();
            return true;
        }
        // What was typed stays, with the form saying so (kFrontDeskConflictText);
        // Save again replaces their version, Discard shows it.
        state.draft.conflict = true;
        state.draft.theirVersion = 0; // from the records as read again
        return true;
    } catch (const std::exception& error) {
        showFailure(state.notice, kSaveFailed, error,
                    "Nothing was changed. Try again once the server answers.");
        std::cerr << "knotmap: " << error.what() << "\n";
    }
    return false;
}

std::string bookedText(const ui::VisitRequest& visit) {
    const CivilDateTime local = visit.at.local();
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
    return std::string(displayName(visit.kind)) + " booked for " + ui::formatLongDate(local) +
           " at " + clock + ".";
}

} // namespace

bool applyFrontDeskRequests(sql::Connection& db, ui::FrontDeskScreenState& state) {
    ui::FrontDeskRequests requests = std::exchange(state.requests, {});
    // Another client, a new one or Quit, once the form's text is saved.
    const std::optional<ui::FrontDeskLeave> after = std::exchange(state.afterSave, std::nullopt);
    bool clientSaved = false;
    bool written = false;
    if (requests.addClient) {
        written |= attempt(state, state.draft.problem, [&] {
            const Id id = addFrontDeskClient(db, *requests.addClient);
            state.creating = false;
            state.search.clear(); // so the new client is in view
            state.selected = id;
            state.draft = ui::ClientDraft{};
            state.draft.clientId = id;
            state.draft.version = -1; // filled in from the client once read
            state.draft.saved = "Client added.";
            clientSaved = true;
        });
    }
    if (requests.saveClient) {
        written |= attempt(state, state.draft.problem, [&] {
            const int version = updateFrontDeskClient(db, *requests.saveClient);
            state.draft.version = version;
            state.draft.edited = false;
            state.draft.conflict = false;
            state.draft.theirVersion = 0;
            state.draft.saved = "Saved.";
            clientSaved = true;
        });
    }
    if (requests.bookVisit) {
        written |= attempt(state, state.booking.problem, [&] {
            (void)addFrontDeskVisit(db, requests.bookVisit->clientId, requests.bookVisit->at,
                                    requests.bookVisit->kind);
            // Afresh for the next booking; what was booked said below it.
            ui::resetVisitBooking(state.booking);
            state.booking.booked = bookedText(*requests.bookVisit);
        });
    }
    if (clientSaved) {
        state.quitUnsaved = false;
    }
    if (after && clientSaved) {
        ui::finishFrontDeskLeave(state, *after);
    } else if (after && after->to == ui::FrontDeskLeave::To::Quit) {
        state.quitUnsaved = true; // the form says why; Quit again closes anyway
    }
    return written;
}

bool readFrontDeskData(sql::Connection& db, ui::FrontDeskScreenState& state,
                       ui::FrontDeskData& data) {
    try {
        ui::FrontDeskData fresh;
        fresh.clients = frontDeskClients(db);
        // The window's fonts gain the glyphs of the names and notes it shows
        // (a client named in Chinese or Greek), as the main screen's model does.
        for (const Client& client : fresh.clients) {
            ui::noteShownText(client.name);
            ui::noteShownText(client.notes);
        }
        ui::prepareFrontDeskScreen(fresh, state); // the selection, should it be gone
        if (state.selected) {
            fresh.visits = frontDeskVisits(db, *state.selected);
            fresh.visitsOf = *state.selected;
        }
        data = std::move(fresh);
    } catch (const std::exception& error) {
        // Tried again every second: said on screen, not on stderr each time.
        showFailure(state.notice, kReadFailed, error,
                    "Knotmap keeps trying, and shows them as soon as the server answers.");
        return false;
    }
    if (state.notice.title == kReadFailed) {
        state.notice.visible = false;
    }
    return true;
}

} // namespace knotmap
