#pragma once

#include <string>
#include <string_view>

namespace knotmap {

// The one form names are compared in, wherever the app matches what a person
// typed against names it knows: the client search, --client on the command
// line, vocabulary and client duplicate checks, atlas region names. Built on
// ICU and the same in every locale:
// - full Unicode case folding, so "ß" and "ss" match, Greek final "ς" is "σ",
//   and Cyrillic, Greek, Armenian... fold as Latin does;
// - accents dropped: canonical decomposition (NFD), then every nonspacing
//   mark removed ("é" is "e", "ř" is "r", "έ" is "ε", "ё" is "е", and also
//   "й" is "и": lenient for searching, and names differing only there are
//   taken for the same person);
// - the Latin letters drawn with a stroke or written as a ligature, which
//   Unicode does not decompose, folded by hand: "ł" is "l", "ø" is "o",
//   "đ"/"ð" are "d", "ħ" "h", "ŧ" "t", "æ" "ae", "œ" "oe", "þ" "th",
//   "ĳ" "ij";
// - Turkish dotted and dotless i are not told apart: "I", "İ", "i" and "ı" all
//   fold to "i" (a locale-specific Turkish folding would make "I" "ı", which
//   would break every other language's names).
// The result is NFC. Text that is not valid UTF-8 folds with U+FFFD in place
// of each bad byte sequence.
[[nodiscard]] std::string foldForSearch(std::string_view text);

// True when a and b fold to the same text: the names a person would take for
// the same name.
[[nodiscard]] bool sameWhenFolded(std::string_view a, std::string_view b);

// ASCII letters in lower case and nothing else changed: how SQLite's NOCASE
// compares. Kept for keys that are ASCII by definition (CSV header names).
[[nodiscard]] std::string lowercaseAscii(std::string_view text);

// True when needle (folded) occurs anywhere in haystack (folded); an empty
// or blank needle matches everything.
[[nodiscard]] bool matchesSearch(std::string_view haystack, std::string_view needle);

} // namespace knotmap
