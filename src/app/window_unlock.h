#pragma once

#include "app/gui.h"
#include "app/main_window.h"
#include "store/database_location.h"
#include "ui/dialogs/password_prompt.h"

#include <filesystem>

// Asking in the window for what opening a database needs and nothing else
// gave: a clinic server's password, or an encrypted file's passphrase
// (ui/dialogs/password_prompt.h draws the one dialog both use).
namespace knotmap {

// The dialog with what it asks and how it tries what was typed.
struct UnlockPrompt {
    ui::PasswordPromptText text;
    ui::PasswordAttempt attempt;
    ui::PasswordPromptState state;

    [[nodiscard]] ui::PasswordChoice draw(const ui::Appearance& look) {
        return ui::drawPasswordPrompt(text, state, attempt, look);
    }
};

// True when path is an encrypted database file whose key this process does
// not know yet: opening it would throw PassphraseNeeded.
[[nodiscard]] bool passphraseNeeded(const std::filesystem::path& path);

// Asks for the passphrase of file (probe name database-passphrase) until
// it unlocks the file, whose key is then known to this process
// (encrypted::useKey), or the person gives up. cancelLabel: "Quit" when
// no database is open, "Cancel" over the open one.
[[nodiscard]] UnlockPrompt filePassphrasePrompt(const std::filesystem::path& file,
                                                std::string cancelLabel);

// Runs prompt over an empty window (with the test report, if asked for)
// until it is answered; true when what was typed was taken.
[[nodiscard]] bool askInWindow(MainWindow& window, UnlockPrompt& prompt, const GuiOptions& options);

// When the server wants a password that libpq's own sources (PGPASSWORD,
// ~/.pgpass, a service file) did not give, asks for it (probe name
// server-password) until the server takes one or the person quits; the
// password is kept in where, in memory only. Other failures are left to the
// window's opening, which shows them. False when the person quit.
[[nodiscard]] bool askForServerPassword(MainWindow& window, DatabaseLocation& where,
                                        const GuiOptions& options);

// When file is encrypted and its key is not known: asks for its passphrase
// before the window opens it. False when the person quit.
[[nodiscard]] bool askForFilePassphrase(MainWindow& window, const std::filesystem::path& file,
                                        const GuiOptions& options);

} // namespace knotmap
