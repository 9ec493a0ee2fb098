#pragma once

#include <stdexcept>

namespace knotmap {

// A storage problem, worded for the user as one line that names the file and
// what is wrong, e.g. "/home/a/knotmap.db: not an SQLite database".
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A record that breaks a domain rule (pain 11, empty name...). The message
// names the record and field.
class ValidationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace knotmap
