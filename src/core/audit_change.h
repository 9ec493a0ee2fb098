#pragma once

#include <optional>
#include <string>
#include <vector>

// What one audit trail event changed, in words: "pain 6 → 4", "notes
// changed". The trail keeps whole rows as JSON (before, after); this compares
// them field by field.
namespace knotmap {

struct FieldChange {
    std::string field;  // the column, as people read it ("overall pain")
    std::string before; // the value as shown, "" for an insert
    std::string after;  // "" for a delete
};

// The fields whose value differs, in the row's column order. An insert
// lists the fields it set (not empty, not null), a delete those it had.
// Row versions are left out. Text over 40 characters is shortened with "…".
// Malformed JSON gives no changes rather than a throw.
[[nodiscard]] std::vector<FieldChange> describeChanges(const std::optional<std::string>& before,
                                                       const std::optional<std::string>& after);

// Text over 40 characters cut at a character (not byte) boundary, with "…".
[[nodiscard]] std::string shortenedText(const std::string& text);

// "pain 6 → 4; notes "" → "tight"" for the changes.
[[nodiscard]] std::string changeSummary(const std::vector<FieldChange>& changes);

// A table as people call its records: "rating" for observation, "visit" for
// session, "client access" for client_access.
[[nodiscard]] std::string recordNoun(const std::string& table);

} // namespace knotmap
