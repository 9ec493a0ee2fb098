#include "ui/practice/practice_requests.h"

#include "store/postgres_server/password_verifier.h"
#include "store/practice/practice.h"
#include "ui/shell/frame_requests.h"
#include "ui/style/glyph_coverage.h"

#include <chrono>
#include <exception>
#include <stdexcept>
#include <utility>

namespace knotmap::ui {
namespace {

std::string who(const PracticeRequest& request) {
    return request.personName.empty() ? request.login
                                      : request.personName + " (" + request.login + ")";
}

// Adds the person on the form. The password leaves the form's buffers for
// guarded memory, which is wiped as soon as libpq has made the verifier from
// it: the server never sees the password itself. Only a request that says
// so (the form's "No password" box) adds a login without one: fields that
// are empty for any other reason (wiped by a refused add) are refused here
// too, before the server is asked.
std::string addPerson(PracticeWindowState& state, const PracticeRequest& request,
                      Workspace& workspace) {
    NewPractitioner person;
    person.login = request.login;
    person.name = request.personName;
    person.role = request.role;
    if (!request.noPassword) {
        if (state.form.password.empty()) {
            throw std::runtime_error("no password was typed");
        }
        const crypto::Secret password = state.form.password.take();
        person.passwordVerifier = scramVerifier(workspace.readerLocation(), person.login, password);
    }
    addPractitioner(workspace.database().sql(), person);
    state.form = NewPersonForm{};
    return "Added " + person.name + " (" + person.login + ") as " +
           std::string(roleName(person.role)) + ".";
}

// Sends one request; returns what it did, for the window's outcome line.
std::string apply(PracticeWindowState& state, const PracticeRequest& request,
                  Workspace& workspace) {
    sql::Connection& db = workspace.database().sql();
    switch (request.kind) {
    case PracticeRequest::Kind::Add:
        return addPerson(state, request, workspace);
    case PracticeRequest::Kind::Enable:
        setPractitionerEnabled(db, request.login, true);
        return who(request) + " can sign in again.";
    case PracticeRequest::Kind::Disable:
        setPractitionerEnabled(db, request.login, false);
        return who(request) + " can no longer sign in; their records stay.";
    case PracticeRequest::Kind::Assign:
        assignClient(db, request.clientId, request.login);
        return request.clientName + " is assigned to " + who(request) + ".";
    case PracticeRequest::Kind::Share:
        shareClient(db, request.clientId, request.login);
        return request.clientName + " is shared with " + who(request) + ".";
    case PracticeRequest::Kind::Unshare:
        unshareClient(db, request.clientId, request.login);
        return request.clientName + " is no longer shared with " + who(request) + ".";
    }
    return {};
}

// "Couldn't disable Dana Ruiz (dana)": what was refused, before the server's reason.
std::string refused(const PracticeRequest& request) {
    const char* verb = "change";
    switch (request.kind) {
    case PracticeRequest::Kind::Add:
        verb = "add";
        break;
    case PracticeRequest::Kind::Enable:
        verb = "enable";
        break;
    case PracticeRequest::Kind::Disable:
        verb = "disable";
        break;
    case PracticeRequest::Kind::Assign:
        return "Couldn\u2019t assign " + request.clientName + " to " + who(request);
    case PracticeRequest::Kind::Share:
        return "Couldn\u2019t share " + request.clientName + " with " + who(request);
    case PracticeRequest::Kind::Unshare:
        return "Couldn\u2019t stop sharing " + request.clientName + " with " + who(request);
    }
    return std::string("Couldn\u2019t ") + verb + " " + who(request);
}

std::vector<NamedClient> clientsOf(const AppViewModel* model) {
    std::vector<NamedClient> clients;
    if (model == nullptr) {
        return clients;
    }
    for (const ClientEntry& client : model->clients) {
        if (client.id != 0) { // not the placeholder "Me" of an empty database
            clients.push_back({client.id, client.name, false});
        }
    }
    for (const ArchivedClient& client : model->archivedClients) {
        clients.push_back({client.id, client.name, true});
    }
    return clients;
}

// Reads the people and client access when the window has just opened or
// the data changed. A failed read is kept off the screen's every frame: it
// is tried again once the window reopens or the version moves, and then at
// most once a second.
void readPractice(PracticeWindowState& state, Workspace& workspace, const AppViewModel* model) {
    const std::uint64_t version = workspace.version();
    if (state.read && state.readVersion == version) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (state.readFailedAt) {
        if (state.readFailedVersion == version) {
            return; // nothing moved since it failed: wait for a change or a reopen
        }
        if (now - *state.readFailedAt < std::chrono::seconds(1)) {
            requestFrameIn(*state.readFailedAt + std::chrono::seconds(1) - now);
            return;
        }
    }
    try {
        sql::Connection& db = workspace.database().sql();
        state.view = buildPracticeView(practitioners(db), clientAccess(db), clientsOf(model));
        for (const Practitioner& person : state.view.people) {
            noteShownText(person.name); // the fonts gain the glyphs of every name listed
        }
        state.read = true;
        state.readVersion = version;
        state.readFailedAt.reset();
        state.readError.clear();
    } catch (const std::exception& error) {
        state.readFailedAt = now;
        state.readFailedVersion = version;
        state.readError = "Couldn\u2019t read the practice: " + std::string(error.what());
    }
}

} // namespace

void runPracticeRequests(PracticeWindowState& state, Workspace& workspace,
                         const AppViewModel* model) {
    if (!state.open) {
        if (!state.form.password.empty() || state.form.password.second[0] != '\0') {
            state.form.password.wipe();
        }
        state.read = false; // read afresh when it opens again
        state.readFailedAt.reset();
        state.readError.clear();
        state.request.reset();
        return;
    }
    state.ownLogin = workspace.practiceLogin();
    if (auto request = std::exchange(state.request, std::nullopt)) {
        try {
            state.outcome = apply(state, *request, workspace);
            state.error.clear();
        } catch (const std::exception& error) {
            state.error = refused(*request) + ": " + error.what();
            state.outcome.clear();
            if (request->kind == PracticeRequest::Kind::Add && !request->noPassword) {
                // The password left the fields on the way (they are wiped):
                // it must be typed again, never sent as "no password".
                state.form.password.wipe();
                state.form.problem =
                    "The password fields were cleared: type the password twice again.";
            }
        }
        // Either way the screen reads the practice again: a refusal may come
        // from a change made elsewhere. Client access moves the window's
        // clients too (the audit trail records it).
        workspace.dataChanged();
    }
    readPractice(state, workspace, model);
}

} // namespace knotmap::ui
