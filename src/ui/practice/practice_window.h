#pragma once

#include "core/domain.h"
#include "store/practice/practice.h"
#include "ui/practice/practice_view.h"
#include "ui/style/appearance.h"
#include "ui/widgets/passphrase_fields.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace knotmap::ui {

enum class PracticeTab { People, Clients };

// One change the owner asked for in the window. Drawing only records it;
// runPracticeRequests (practice_requests.h) asks the server between frames.
struct PracticeRequest {
    enum class Kind { Add, Enable, Disable, Assign, Share, Unshare };
    Kind kind = Kind::Add;
    std::string login;      // whose access or account changes
    std::string personName; // for the outcome line
    Id clientId = 0;        // Assign, Share, Unshare
    std::string clientName;
    PracticeRole role = PracticeRole::Practitioner; // Add
    // Add: the login gets no password (it exists already, or signs in
    // another way), as the form's checkbox said. Otherwise the form's
    // password is required: an empty one is never sent as "no password".
    bool noPassword = false;
};

// The "Add a person" form. The password lives in the fields' buffers only
// until it is turned into a SCRAM verifier (or the window closes): never in
// settings, logs or a command line.
struct NewPersonForm {
    std::string name;
    std::string login;
    int role = 1; // the role control's segment: owner, practitioner, front desk
    PassphraseFields password;
    // Ticked on purpose, like the CLI's --no-password: only then may the
    // password fields be empty. (After a refused add the fields are wiped;
    // empty fields alone must not make a login without a password.)
    bool noPassword = false;
    std::string problem; // why the form cannot be sent as typed
};

struct PracticeWindowState {
    bool open = false;
    // The tab the menu asked for, selected on the next frame only (after
    // that the person's own choice of tab stands).
    std::optional<PracticeTab> requestedTab;
    PracticeView view;
    // The view was read at this workspace version; read again when the
    // window opens, after a change and after any data change. A read that
    // failed is tried again when the window reopens or the version moves,
    // at most once a second while it keeps failing.
    bool read = false;
    std::uint64_t readVersion = 0;
    std::optional<std::chrono::steady_clock::time_point> readFailedAt;
    std::uint64_t readFailedVersion = 0;
    std::string readError; // why the practice could not be read; "" once it could
    std::optional<PracticeRequest> request;
    NewPersonForm form;
    std::string error;    // the server's refusal of the last change
    std::string outcome;  // what the last change did
    std::string ownLogin; // the signed-in owner: never offered Disable
};

// Practice > People / Clients, for the owner only: everyone in the practice
// with Disable and Enable, a form to add a person, and each client's
// assignment and sharing. Draws nothing while closed; changes are left in
// state.request.
void drawPracticeWindow(PracticeWindowState& state, const Appearance& look);

} // namespace knotmap::ui
