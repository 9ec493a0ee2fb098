#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace knotmap {

// Where a Knotmap database lives: an SQLite file (the default) or a
// PostgreSQL server named by a libpq connection string or URI. What --db and
// KNOTMAP_DB give is parsed into one of the two.
class DatabaseLocation {
public:
    DatabaseLocation() = default;
    // A file, so that a path converts implicitly (most callers open files).
    DatabaseLocation(std::filesystem::path file) : m_file(std::move(file)) {} // NOLINT
    DatabaseLocation(const char* file) : m_file(file) {}                      // NOLINT
    DatabaseLocation(const std::string& file) : m_file(file) {}               // NOLINT

    // A postgresql:// URI or a "host=... dbname=..." keyword string names a
    // server; anything else is a file path.
    [[nodiscard]] static DatabaseLocation parse(const std::string& text);
    [[nodiscard]] static DatabaseLocation server(std::string conninfo);

    [[nodiscard]] bool isServer() const { return !m_conninfo.empty(); }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }
    // The connection string as given (it never holds a password Knotmap put
    // there: a password typed in the window travels separately).
    [[nodiscard]] const std::string& conninfo() const { return m_conninfo; }
    // For messages and the window's header: the file's path, or
    // "server /run/postgresql:5432, database clinic".
    [[nodiscard]] std::string describe() const;

    // A password the person typed into the window, held in memory only and
    // handed to libpq beside the connection string (PGPASSWORD, ~/.pgpass
    // and service files work without it). Never written anywhere.
    void setPassword(std::string password) { m_password = std::move(password); }
    [[nodiscard]] const std::optional<std::string>& password() const { return m_password; }

private:
    std::filesystem::path m_file;
    std::string m_conninfo;
    std::optional<std::string> m_password;
};

} // namespace knotmap
