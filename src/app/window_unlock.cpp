#include "app/window_unlock.h"

#include "app/test_report.h"
#include "store/database.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"
#include "store/store_error.h"
#include "ui/shell/test_probe.h"

#include <iostream>
#include <optional>
#include <utility>

namespace knotmap {

namespace fs = std::filesystem;

namespace {

constexpr const char* kServerRefused = "The server refused that password. Try again.";

UnlockPrompt serverPasswordPrompt(DatabaseLocation& where) {
    UnlockPrompt prompt;
    prompt.text.title = "Password for the clinic server";
    prompt.text.question = "The server asks for a password to open:";
    prompt.text.subject = where.describe();
    prompt.text.note = "It is kept in memory while Knotmap runs and never saved. To be asked no "
                       "more, put it in ~/.pgpass (readable by you only).";
    prompt.text.submit = "Connect";
    prompt.text.cancel = "Quit";
    prompt.text.id = "server-password";
    prompt.attempt = [&where](const crypto::Secret& typed) -> std::string {
        where.setPassword(std::string(typed.view()));
        try {
            (void)openReader(where);
        } catch (const PasswordNeeded& refused) {
            std::cerr << "knotmap: " << refused.what() << "\n";
            return kServerRefused;
        } catch (const std::exception&) {
            // Not about the password: the window's opening says what it is.
        }
        return {};
    };
    return prompt;
}

} // namespace

bool passphraseNeeded(const fs::path& path) {
    return encrypted::isEncryptedDatabaseFile(path) && encrypted::keyFor(path) == nullptr;
}

UnlockPrompt filePassphrasePrompt(const fs::path& file, std::string cancelLabel) {
    UnlockPrompt prompt;
    std::error_code ignored;
    const fs::path absolute = fs::absolute(file, ignored);
    prompt.text.title = "Passphrase for this database";
    prompt.text.question = "The database file is encrypted. Type its passphrase to open:";
    prompt.text.subject = (absolute.empty() ? file : absolute).string();
    prompt.text.note = "It is never saved: the key it unlocks stays in memory while Knotmap "
                       "runs. Without the passphrase nobody can read the file, Knotmap included.";
    prompt.text.submit = "Open";
    prompt.text.cancel = std::move(cancelLabel);
    prompt.text.id = "database-passphrase";
    // Argon2id takes a fraction of a second: on this thread, the dialog
    // standing still meanwhile.
    prompt.attempt = [file](const crypto::Secret& typed) -> std::string {
        try {
            encrypted::useKey(file, encrypted::FileKey::unlock(encrypted::readHeader(file), typed,
                                                               file.string()));
        } catch (const encrypted::WrongPassphrase& refused) {
            std::cerr << "knotmap: " << refused.what() << "\n";
            return "Wrong passphrase. Try again.";
        } catch (const std::exception& error) {
            // An unreadable file or a header not Knotmap's: no passphrase helps.
            std::cerr << "knotmap: " << error.what() << "\n";
            return error.what();
        }
        return {};
    };
    return prompt;
}

bool askInWindow(MainWindow& window, UnlockPrompt& prompt, const GuiOptions& options) {
    // The database's own report follows once it is open; until then, the
    // dialog's widgets, so a test can find and answer it.
    TestReporting testReport(options.testReport);
    ui::PasswordChoice choice = ui::PasswordChoice::Undecided;
    window.run(
        [&](const ui::Appearance& look) {
            choice = prompt.draw(look);
            testReport.write("prompt " + prompt.text.id + "\n");
            return choice == ui::PasswordChoice::Undecided;
        },
        options.frameLimit);
    return choice == ui::PasswordChoice::Accepted;
}

bool askForServerPassword(MainWindow& window, DatabaseLocation& where, const GuiOptions& options) {
    try {
        (void)openReader(where);
        return true;
    } catch (const PasswordNeeded& refused) {
        std::cerr << "knotmap: " << refused.what() << "\n";
    } catch (const std::exception&) {
        return true;
    }
    UnlockPrompt prompt = serverPasswordPrompt(where);
    if (where.password()) {
        prompt.state.refusal = kServerRefused;
    }
    return askInWindow(window, prompt, options);
}

bool askForFilePassphrase(MainWindow& window, const fs::path& file, const GuiOptions& options) {
    if (!passphraseNeeded(file)) {
        return true;
    }
    UnlockPrompt prompt = filePassphrasePrompt(file, "Quit");
    return askInWindow(window, prompt, options);
}

} // namespace knotmap
