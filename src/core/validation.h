#pragma once

#include "core/domain.h"
#include "core/session_fields.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// A problem with one field of a record, worded for the person who entered it.
struct FieldError {
    std::string field;   // e.g. "pain"
    std::string message; // e.g. "must be between 0 and 10, got 11"
};

// How much a text field may hold, in bytes of UTF-8. The window's editors,
// the import and the database itself (db/sqlite/004_text_limits.sql) all hold text
// to these limits, so whatever is stored exports and imports back unchanged
// (docs/csv-format.md, "Limits").
// Names, labels, therapist, medication, signer and author.
inline constexpr std::size_t kMaxNameBytes = 256;
// Vocabulary and region codes. A custom code is "custom_" and the letters and
// digits of its name, so the code of the longest name must fit too.
inline constexpr std::size_t kMaxCodeBytes = 320;
// Notes, the SOAP fields and amendments: generous, for free text.
inline constexpr std::size_t kMaxNoteBytes = std::size_t{1} << 20;

static_assert(kMaxCodeBytes >= kMaxNameBytes + 7, "a custom code made from a name must fit");

// The limit of a session field as text (the therapist is a name; an amended
// rating or trigger list is short anyway).
[[nodiscard]] std::size_t maxTextBytes(SessionField field);

// The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F)
// other than tab, LF and CR. No stored text may hold one: spreadsheets and
// terminals show them as nothing or garbage, and C strings end at NUL.
[[nodiscard]] bool isForbiddenCharacter(char32_t c);

// The first forbidden character in UTF-8 text and where it is.
struct ForbiddenCharacter {
    char32_t codePoint = 0;
    std::size_t character = 0; // 1-based, counting UTF-8 characters
};
[[nodiscard]] std::optional<ForbiddenCharacter> findForbiddenCharacter(std::string_view text);

// What is wrong with text for a field holding at most maxBytes, worded to
// follow the field's name: "is 1048577 bytes long; the limit is 1 MiB
// (1048576 bytes)" or "control character U+0000 at character 12 is not
// allowed". Empty when the text is fine.
[[nodiscard]] std::string textProblem(std::string_view text, std::size_t maxBytes);
// Only the length part of textProblem.
[[nodiscard]] std::string lengthProblem(std::string_view text, std::size_t maxBytes);
// "control character U+0000 at character 12 is not allowed", or empty.
[[nodiscard]] std::string forbiddenCharacterProblem(std::string_view text);

// "1 MiB (1048576 bytes)" or "256 bytes": a limit as people read it.
[[nodiscard]] std::string describeByteLimit(std::size_t bytes);

[[nodiscard]] std::vector<FieldError> validate(const Client& client);
[[nodiscard]] std::vector<FieldError> validate(const Session& session);
[[nodiscard]] std::vector<FieldError> validate(const Knot& knot);
[[nodiscard]] std::vector<FieldError> validate(const Observation& observation);
[[nodiscard]] std::vector<FieldError> validate(const Treatment& treatment);

// "pain: must be between 0 and 10, got 11; minutes: ..." (empty when no errors).
[[nodiscard]] std::string describe(const std::vector<FieldError>& errors);

} // namespace knotmap
