#pragma once

#include <optional>
#include <string>
#include <string_view>

// Ratings on other apps' scales, converted to Knotmap's 0-10 pain scale by
// one rule (docs/import-other-apps.md): a rating r on a scale from low to
// high becomes (r - low) * 10 / (high - low), rounded to the nearest whole
// number, halves up. So both ends stay the ends, and the steps between are
// spread evenly: 0-4 gives 0, 3, 5, 8, 10.
namespace knotmap {

struct RatingScale {
    int low = 0;
    int high = 10;

    // The rating on 0-10; nullopt when it lies outside the scale.
    [[nodiscard]] std::optional<int> toPain(int rating) const;
    // "0-4", for messages and the preview.
    [[nodiscard]] std::string describe() const;
};

// A whole number written in a cell ("3", " 3 ", "3.0"); nullopt for anything
// else (fractions, words, empty).
[[nodiscard]] std::optional<int> wholeRating(std::string_view text);

} // namespace knotmap
