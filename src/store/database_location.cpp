#include "store/database_location.h"

#include "store/sql/postgres/postgres_connection.h"

namespace knotmap {

DatabaseLocation DatabaseLocation::parse(const std::string& text) {
    if (sql::isPostgresConnectionString(text)) {
        return server(text);
    }
    return {std::filesystem::path(text)};
}

DatabaseLocation DatabaseLocation::server(std::string conninfo) {
    DatabaseLocation location;
    location.m_conninfo = std::move(conninfo);
    return location;
}

std::string DatabaseLocation::describe() const {
    return isServer() ? sql::describeServer(m_conninfo) : m_file.string();
}

} // namespace knotmap
