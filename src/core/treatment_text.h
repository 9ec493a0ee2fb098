#pragma once

#include "core/domain.h"

#include <string>

// How a saved treatment reads in the treatments list. Pure functions, so the
// wording and the grouping are unit-tested without a window.
namespace knotmap {

// "20 min · Firm" (the parts that are known), or "" for neither.
[[nodiscard]] std::string describeTreatmentDetails(const Treatment& treatment);
// "pain 7 → 4" with "?" for an unknown side, or "" when neither is known.
[[nodiscard]] std::string describeTreatmentPain(const Treatment& treatment);
// Whether two knot treatments were given together (one "Add treatment" for
// several knots): the same kind, minutes, intensity, medication and notes.
// The list shows them as one entry with a line per knot.
[[nodiscard]] bool givenTogether(const Treatment& a, const Treatment& b);
// Every field equal, id included: saving b over a would change nothing.
[[nodiscard]] bool sameTreatment(const Treatment& a, const Treatment& b);

} // namespace knotmap
