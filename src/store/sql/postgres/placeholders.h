#pragma once

#include <string>
#include <vector>

namespace knotmap::sql {

// A statement in the common dialect rewritten for PostgreSQL: each `?`
// becomes $1, $2...; `?3` becomes $3; each `:name` becomes a number too (the same name, the
// same number). Text inside quotes, comments and `::` casts is left alone.
struct NumberedStatement {
    std::string sql;
    int parameterCount = 0;
    std::vector<std::string> names; // names[k-1] is the name given $k, or "" for `?`
};

[[nodiscard]] NumberedStatement numberPlaceholders(const std::string& sql);

} // namespace knotmap::sql
