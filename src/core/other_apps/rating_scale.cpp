#include "core/other_apps/rating_scale.h"

#include "core/text_trim.h"
#include "core/whole_number.h"

namespace knotmap {

std::optional<int> RatingScale::toPain(int rating) const {
    if (rating < low || rating > high || high <= low) {
        return std::nullopt;
    }
    // Whole-number arithmetic, so 2.5 never lands on 2.4999: the nearest
    // whole number of (r - low) * 10 / span, halves up.
    const int span = high - low;
    return ((rating - low) * 20 + span) / (2 * span);
}

std::string RatingScale::describe() const {
    return std::to_string(low) + "-" + std::to_string(high);
}

std::optional<int> wholeRating(std::string_view text) {
    text = trimmed(text);
    if (text.ends_with(".0")) {
        text.remove_suffix(2);
    }
    return parseWholeNumber(text);
}

} // namespace knotmap
