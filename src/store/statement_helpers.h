#pragma once

#include "core/domain.h"
#include "core/validation.h"
#include "store/sql/statement.h"
#include "store/store_error.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

// Small helpers shared by the repositories for binding optional values and
// reporting validation failures.
namespace knotmap::statement_helpers {

inline void bindOptional(sql::Statement& statement, int index, const std::optional<int>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

inline void bindOptional(sql::Statement& statement, int index,
                         const std::optional<std::int64_t>& value) {
    if (value) {
        statement.bind(index, static_cast<std::int64_t>(*value));
    } else {
        statement.bind(index);
    }
}

[[nodiscard]] inline std::optional<int> optionalInt(const sql::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt();
}

[[nodiscard]] inline std::optional<Id> optionalId(const sql::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt64();
}

// Runs insert (binding ownerId and each code) once per distinct code; the
// statement inserts nothing for a code missing from its vocabulary, which is
// reported as a ValidationError.
inline void linkCodes(sql::Statement& insert, Id ownerId, const std::vector<std::string>& codes,
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

// Runs an INSERT ... RETURNING id and gives the new row's id.
inline Id insertReturningId(sql::Statement& insert) {
    if (!insert.executeStep()) {
        throw StoreError("the database returned no id for the new row");
    }
    const Id id = insert.getColumn(0).getInt64();
    while (insert.executeStep()) { // completes the statement
    }
    return id;
}

template <typename Record>
void throwIfInvalid(const char* recordName, const Record& record) {
    const auto errors = validate(record);
    if (!errors.empty()) {
        throw ValidationError(std::string(recordName) + ": " + describe(errors));
    }
}

} // namespace knotmap::statement_helpers
