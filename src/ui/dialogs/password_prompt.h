#pragma once

#include "crypto/secret.h"
#include "ui/style/appearance.h"
#include "ui/widgets/passphrase_fields.h"

#include <functional>
#include <string>

namespace knotmap::ui {

// Asked when opening a database needs a secret nothing else gave: a
// PostgreSQL server's password (not in PGPASSWORD, ~/.pgpass nor a service
// file), or an encrypted database file's passphrase (KNOTMAP_PASSPHRASE not
// set). What is typed lives in the field's buffer until it is tried, then in
// libsodium's guarded memory only: never in settings, logs, the test report
// or the command line.
enum class PasswordChoice { Undecided, Accepted, Cancelled };

// What the dialog says, and the name its widgets are probed under.
struct PasswordPromptText {
    std::string title;    // "Password for the clinic server"
    std::string question; // "The server asks for a password to open:"
    std::string subject;  // what it opens: the server, or the file's path
    std::string note;     // where the secret goes, and how not to be asked
    std::string submit;   // "Connect", "Open"
    std::string cancel;   // "Quit" before any database is open, else "Cancel"
    // Probe names (ui/shell/test_probe.h): ID for the field, ID-SUBMIT and
    // ID-CANCEL (the labels in lower case) for the buttons; values
    // ID-subject, ID-typed (1 when the field holds anything) and ID-refusal
    // while a refusal shows.
    std::string id;
};

// Tries what was typed: "" when it was taken (the database can be opened
// now), else why not, shown under the field ("Wrong passphrase. Try again.").
using PasswordAttempt = std::function<std::string(const crypto::Secret& typed)>;

struct PasswordPromptState {
    PassphraseFields typed; // the first field only
    std::string refusal;    // why the last try failed, or ""
    bool focusSet = false;
};

// Draws the question as a modal dialog (over an empty window, or over the
// database open now) and returns what the person chose this frame. Enter or
// the submit button tries what was typed through attempt, then wipes the
// field: a refusal keeps the dialog open with the refusal under the field,
// ready for another try. Escape or the cancel button closes it.
[[nodiscard]] PasswordChoice drawPasswordPrompt(const PasswordPromptText& text,
                                                PasswordPromptState& state,
                                                const PasswordAttempt& attempt,
                                                const Appearance& look);

} // namespace knotmap::ui
