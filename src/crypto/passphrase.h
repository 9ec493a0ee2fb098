#pragma once

#include "crypto/secret.h"

#include <filesystem>
#include <string>

// Where a passphrase comes from. Never from a command-line argument (other
// users can read a process's arguments) nor a settings file.
namespace knotmap::crypto {

struct PassphraseRequest {
    // --passphrase-file: the file's first line (a trailing newline dropped).
    std::filesystem::path file;
    // Encrypting: at the prompt the passphrase is typed twice and the two
    // must match (a typo would lock the data away for good).
    bool confirm = false;
    // What is asked for, in messages and the prompt, and where else it may
    // come from: a new login's password is read the same way.
    std::string noun = "passphrase";
    std::string variable = "KNOTMAP_PASSPHRASE";
    std::string fileOption = "--passphrase-file";
};

// In order: request.file if given, else the environment variable
// (KNOTMAP_PASSPHRASE) if set, else a prompt on the terminal (/dev/tty) with echo off.
// Throws std::runtime_error with a one-line message (no passphrase source, an
// unreadable or empty file, an empty passphrase, two that differ).
[[nodiscard]] Secret readPassphrase(const PassphraseRequest& request);

} // namespace knotmap::crypto
