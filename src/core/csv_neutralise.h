#pragma once

#include <string>
#include <string_view>

// Spreadsheet-formula neutralisation for CSV text cells (CSV injection).
// A spreadsheet runs a cell that starts with = + - @ TAB or CR as a formula,
// so a note typed as "=HYPERLINK(...)" could act when an export is opened.
// Following the OWASP recommendation, such a cell is written with a leading
// apostrophe, which spreadsheets show as text.
//
// Only text columns (names, labels, notes, codes) go through these functions.
// Numeric columns (pain, ids, x, y, minutes, ...) are written by CsvWriter as
// numbers and must NOT be neutralised: "-3" or "+1" there is data, and an
// apostrophe would turn it into text. The export code decides which columns
// are text.
namespace knotmap {

// Prefixes one apostrophe when the text, after any apostrophes it already
// starts with, begins with = + - @ TAB or CR. Counting the existing
// apostrophes keeps restoreCell an exact inverse: "'=x" becomes "''=x".
[[nodiscard]] std::string neutraliseCell(std::string_view text);

// Removes the one apostrophe neutraliseCell added: only when the text starts
// with apostrophes followed by = + - @ TAB or CR. Any other leading
// apostrophe ("'tis sore") is the user's own and is kept.
[[nodiscard]] std::string restoreCell(std::string_view text);

} // namespace knotmap
