#pragma once

#include "store/database_location.h"

#include <filesystem>
#include <string>

// Opening an encrypted database file: its passphrase comes from the
// command's --passphrase-file, else KNOTMAP_PASSPHRASE, else (commands only)
// a prompt on the terminal with echo off. The window asks in a dialog when
// neither is given (ui/dialogs/password_prompt.h, app/window_unlock.h). Never an argument.
namespace knotmap {

struct UnlockSources {
    std::filesystem::path passphraseFile; // the running command's --passphrase-file
    bool prompt = false;                  // may ask on the terminal
};

// Set once, before the command opens its database.
void setUnlockSources(UnlockSources sources);

// When where is an encrypted file whose key is not known yet: reads the
// passphrase and makes the key known to this process. When where is a file
// not there yet and a passphrase is given (--passphrase-file or
// KNOTMAP_PASSPHRASE, never a prompt): a new key from it, so the database
// is created encrypted. Throws
// encrypted::WrongPassphrase (the file is untouched) or std::runtime_error.
// The window with no passphrase given: returns, and opening then says
// PassphraseNeeded.
// passphraseFile, when not empty, is read instead of --passphrase-file
// (restore's --backup-passphrase-file for its backup).
void unlockDatabase(const DatabaseLocation& where,
                    const std::filesystem::path& passphraseFile = {});

// Whether --db (or KNOTMAP_DB, or the default) names an encrypted file: then
// --passphrase-file means its passphrase even where it otherwise serves
// only --encrypt.
[[nodiscard]] bool namesEncryptedDatabase(const std::string& dbOption);

} // namespace knotmap
