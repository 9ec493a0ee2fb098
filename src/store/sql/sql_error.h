#pragma once

#include <stdexcept>
#include <string>

namespace knotmap::sql {

// What kind of failure a backend reported, for the callers that react to it
// (retry a busy write, tell a person the server went away).
enum class ErrorKind {
    Other,
    Constraint,     // a CHECK, NOT NULL, UNIQUE, foreign key or trigger refused the row
    Busy,           // another connection holds the lock; trying again may work
    ConnectionLost, // the server closed the connection or cannot be reached
    ReadOnly,       // the database may be read but not written
    Full,           // the disk (or the server's) is full
};

// An error from the database with the backend's own message; code() is the
// backend's code (an SQLite extended result code's number, or a PostgreSQL
// SQLSTATE such as "23514").
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message, std::string code = {})
        : std::runtime_error(message), m_kind(kind), m_code(std::move(code)) {}

    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    [[nodiscard]] const std::string& code() const { return m_code; }

private:
    ErrorKind m_kind;
    std::string m_code;
};

} // namespace knotmap::sql
