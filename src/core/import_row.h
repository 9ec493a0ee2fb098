#pragma once

#include "core/csv_reader.h"
#include "core/domain.h"
#include "core/import_problems.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reads typed values out of one CSV record of an import. A value that does not
// parse is recorded as a problem naming the file, line, column and what was
// expected, and a harmless stand-in is returned so checking can go on and find
// the row's other problems too; ok() tells whether the row is usable. Every
// cell is first checked for control characters (core/validation.h), and a
// cell holding one gets no further problems: its value is beside the point.
namespace knotmap {

class ImportRow {
public:
    // `columns` are the header's names; `restoreText` undoes the export's
    // spreadsheet neutralisation on text cells (docs/csv-format.md).
    ImportRow(const CsvRecord& record, const std::vector<std::string>& columns,
              const std::string& file, ImportProblems& problems, bool restoreText);

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] std::int64_t line() const { return m_record.line; }
    // Records a problem with column (0-based) of this row.
    void problem(std::size_t column, std::string message);

    // The cell exactly as in the file.
    [[nodiscard]] std::string_view raw(std::size_t column) const;

    // A positive whole number.
    Id id(std::size_t column);
    // Empty, or a positive whole number.
    std::optional<Id> optionalId(std::size_t column);
    // A whole number in [min, max].
    int integer(std::size_t column, int min, int max);
    // Empty (unknown), or a whole number in [min, max].
    std::optional<int> optionalInteger(std::size_t column, int min, int max);
    // A number from 0 to 1 (a diagram coordinate).
    double unitCoordinate(std::size_t column);
    // ISO 8601 with a UTC offset, e.g. 2026-03-14T09:30:00+01:00.
    LocalTimestamp time(std::size_t column);
    std::optional<LocalTimestamp> optionalTime(std::size_t column);
    // A text cell, with neutralisation undone when asked, of at most maxBytes
    // (kMaxNameBytes, kMaxCodeBytes or kMaxNoteBytes).
    std::string text(std::size_t column, std::size_t maxBytes);
    // Text that must not be blank.
    std::string requiredText(std::size_t column, std::size_t maxBytes);
    // A text cell holding a ';'-separated list (vocabulary codes); empty is none.
    std::vector<std::string> textList(std::size_t column);
    // A ';'-separated list of program codes (never neutralised).
    std::vector<std::string> codeList(std::size_t column);

    // One of a closed set of codes, parsed by `parse`; `allowed` lists them
    // for the message.
    template <typename T>
    T code(std::size_t column, std::optional<T> (*parse)(std::string_view),
           std::string_view allowed, T fallback) {
        if (const auto value = parse(raw(column))) {
            return *value;
        }
        expected(column, allowed);
        return fallback;
    }
    template <typename T>
    std::optional<T> optionalCode(std::size_t column, std::optional<T> (*parse)(std::string_view),
                                  std::string_view allowed) {
        if (raw(column).empty()) {
            return std::nullopt;
        }
        if (const auto value = parse(raw(column))) {
            return value;
        }
        expected(column, std::string("empty or ") + std::string(allowed));
        return std::nullopt;
    }

private:
    void expected(std::size_t column, std::string_view what);
    void checkCharacters();
    std::vector<std::string> splitList(std::size_t column, std::string_view cell);

    const CsvRecord& m_record;
    const std::vector<std::string>& m_columns;
    const std::string& m_file;
    ImportProblems& m_problems;
    bool m_restoreText;
    bool m_ok = true;
    // Columns holding a control character; empty (no allocation) for the
    // rows that have none, which is nearly all of them.
    std::vector<bool> m_badCharacters;
};

// A cell's value as a message shows it: quoted, control characters spelled
// out (\n, \t, \x00, \u0085), and a long value cut short with its length,
// e.g. '7.5' or 'aaaa... (1048576 bytes)'.
[[nodiscard]] std::string quotedValue(std::string_view value);

} // namespace knotmap
