#pragma once

#include <string>
#include <string_view>

namespace knotmap {

// The form names are compared in when searching as you type: ASCII letters in
// lower case, and the accented letters of Latin-1 and Latin Extended-A (é, Ü,
// ñ, ø, Ł, ř, š...) folded to their base letter, so "jose" finds "José" and
// "dvorak" finds "Dvořák". Other UTF-8 text is kept as it is.
[[nodiscard]] std::string foldForSearch(std::string_view text);

// ASCII letters in lower case and nothing else changed: how SQLite's NOCASE
// compares, for checks that must agree with a NOCASE index.
[[nodiscard]] std::string lowercaseAscii(std::string_view text);

// True when needle (folded) occurs anywhere in haystack (folded); an empty
// or blank needle matches everything.
[[nodiscard]] bool matchesSearch(std::string_view haystack, std::string_view needle);

} // namespace knotmap
