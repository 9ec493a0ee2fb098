#include "app/front_desk_actions.h"

#include "store/practice/front_desk_records.h"
#include "store/store_error.h"
#include "ui/front_desk/front_desk_screen.h"
#include "ui/shell/app_view_model.h"

#include <cstdio>
#include <iostream>
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
        problem = error.what();
        // Their version is read and shown instead of what was typed.
        state.draft.edited = false;
        state.draft.version = 0;
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
        });
    }
    if (requests.saveClient) {
        written |= attempt(state, state.draft.problem, [&] {
            const int version = updateFrontDeskClient(db, *requests.saveClient);
            state.draft.version = version;
            state.draft.edited = false;
            state.draft.saved = "Saved.";
        });
    }
    if (requests.bookVisit) {
        written |= attempt(state, state.booking.problem, [&] {
            (void)addFrontDeskVisit(db, requests.bookVisit->clientId, requests.bookVisit->at,
                                    requests.bookVisit->kind);
            state.booking.booked = bookedText(*requests.bookVisit);
        });
    }
    return written;
}

bool readFrontDeskData(sql::Connection& db, ui::FrontDeskScreenState& state,
                       ui::FrontDeskData& data) {
    try {
        ui::FrontDeskData fresh;
        fresh.clients = frontDeskClients(db);
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
