#pragma once

#include "core/domain.h"
#include "core/validation.h"
#include "store/store_error.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

// Small helpers shared by the repositories for binding optional values and
// reporting validation failures.
namespace knotmap::sqlite_helpers {

inline void bindOptional(SQLite::Statement& statement, int index, const std::optional<int>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

inline void bindOptional(SQLite::Statement& statement, int index,
                         const std::optional<std::int64_t>& value) {
    if (value) {
        statement.bind(index, static_cast<std::int64_t>(*value));
    } else {
        statement.bind(index);
    }
}

[[nodiscard]] inline std::optional<int> optionalInt(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt();
}

[[nodiscard]] inline std::optional<Id> optionalId(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt64();
}

// Runs insert (binding ownerId and each code) once per distinct code; the
// statement inserts nothing for a code missing from its vocabulary, which is
// reported as a ValidationError.
inline void linkCodes(SQLite::Statement& insert, Id ownerId, const std::vector<std::string>& codes,
                      const char* unknownMessage) {
    std::vector<std::string> distinct;
    for (const std::string& code : codes) {
        if (std::find(distinct.begin(), distinct.end(), code) == distinct.end()) {
            distinct.push_back(code);
        }
    }
    for (const std::string& code : distinct) {
        insert.tryReset(); // clears a failure left by an earlier call
        insert.bind(1, static_cast<std::int64_t>(ownerId));
        insert.bind(2, code);
        const int inserted = insert.exec();
        if (inserted != 1) {
            throw ValidationError(std::string(unknownMessage) + " '" + code + "'");
        }
    }
}

template <typename Record>
void throwIfInvalid(const char* recordName, const Record& record) {
    const auto errors = validate(record);
    if (!errors.empty()) {
        throw ValidationError(std::string(recordName) + ": " + describe(errors));
    }
}

} // namespace knotmap::sqlite_helpers
