#pragma once

#include "core/domain.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The editable details of a session, named one by one so that a single edit,
// an undo step and an amendment of a signed visit can all say which field
// they touch. Values travel as text: ratings as "0".."10" or "" for none,
// triggers as comma-separated vocabulary codes, the rest as typed.
namespace knotmap {

enum class SessionField {
    OverallPain,
    Stress,
    Sleep,
    Triggers,
    Notes,
    Therapist,
    Subjective,
    Objective,
    Assessment,
    Plan,
};

inline constexpr std::array<SessionField, 10> kAllSessionFields = {
    SessionField::OverallPain, SessionField::Stress,    SessionField::Sleep,
    SessionField::Triggers,    SessionField::Notes,     SessionField::Therapist,
    SessionField::Subjective,  SessionField::Objective, SessionField::Assessment,
    SessionField::Plan,
};

// The code stored in session_amendment.field ("overall_pain", "plan"...).
[[nodiscard]] std::string_view toCode(SessionField field);
[[nodiscard]] std::optional<SessionField> sessionFieldFromCode(std::string_view code);
// For people: "Overall pain", "Plan"...
[[nodiscard]] std::string_view displayName(SessionField field);
[[nodiscard]] bool isRating(SessionField field);

[[nodiscard]] std::string fieldText(const Session& session, SessionField field);
// Throws std::invalid_argument when a rating is not "" or a whole number 0-10.
void setFieldText(Session& session, SessionField field, const std::string& text);

[[nodiscard]] std::string ratingText(std::optional<int> rating);

// Who signed a visit and when; a signed visit is read-only.
struct SessionSignature {
    std::string signedBy;
    std::int64_t signedUtc = 0;
};

// A correction of one field of a signed visit. The original stays as signed;
// the value shown is the latest amendment's.
struct SessionAmendment {
    Id id = 0;
    Id sessionId = 0;
    SessionField field = SessionField::Notes;
    std::string originalValue; // the field's value before this amendment
    std::string newValue;
    std::string author;
    std::int64_t amendedUtc = 0;
    std::string reason;
};

} // namespace knotmap
