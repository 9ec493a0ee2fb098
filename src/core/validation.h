#pragma once

#include "core/domain.h"

#include <string>
#include <vector>

namespace knotmap {

// A problem with one field of a record, worded for the person who entered it.
struct FieldError {
    std::string field;   // e.g. "pain"
    std::string message; // e.g. "must be between 0 and 10, got 11"
};

[[nodiscard]] std::vector<FieldError> validate(const Client& client);
[[nodiscard]] std::vector<FieldError> validate(const Session& session);
[[nodiscard]] std::vector<FieldError> validate(const Knot& knot);
[[nodiscard]] std::vector<FieldError> validate(const Observation& observation);
[[nodiscard]] std::vector<FieldError> validate(const Treatment& treatment);

// "pain: must be between 0 and 10, got 11; minutes: ..." (empty when no errors).
[[nodiscard]] std::string describe(const std::vector<FieldError>& errors);

} // namespace knotmap
