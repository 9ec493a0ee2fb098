#pragma once

#include <stdexcept>

namespace knotmap {

// A storage problem, worded for the user as one line that names the file and
// what is wrong, e.g. "/home/a/knotmap.db: not an SQLite database".
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The server asked for a password that neither the connection string,
// PGPASSWORD, ~/.pgpass nor a service file gave (or refused the one given):
// the window asks the person for it and tries again.
class PasswordNeeded : public StoreError {
public:
    using StoreError::StoreError;
};

// The database file is encrypted and no passphrase was given for it: the
// window asks for one, a command reads one (crypto/passphrase.h).
class PassphraseNeeded : public StoreError {
public:
    using StoreError::StoreError;
};

// A save refused because somebody else changed the record after the person
// saw it (its row version moved on). The message says who and when ("Dana
// Ruiz changed this rating at 14:02 on 3 Dec"); nothing was written.
class ConflictError : public StoreError {
public:
    using StoreError::StoreError;
};

// A record that breaks a domain rule (pain 11, empty name...). The message
// names the record and field.
class ValidationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace knotmap
