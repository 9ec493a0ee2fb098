#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// What is wrong with a file being imported, collected rather than thrown so
// that one run reports every problem (up to a limit) and the person can fix
// the file in one go.
namespace knotmap {

struct ImportProblem {
    std::string file;           // the file's name as the person gave it, e.g. "observations.csv"
    std::int64_t line = 0;      // 1-based; 0 for the file as a whole
    std::int64_t column = 0;    // 1-based field number, as a spreadsheet counts columns; 0 for none
    std::string columnName;     // the header's name for that column, e.g. "pain"
    std::int64_t character = 0; // for CSV syntax errors: 1-based character on the line
    std::string message;        // e.g. "must be a whole number from 0 to 10, got '11'"

    // "observations.csv, line 12, column 12 (pain): must be ..."
    [[nodiscard]] std::string describe() const;
};

// Keeps the first `keep` problems in the order they were found and counts the
// rest, so a file with a million bad rows still reports in bounded memory.
class ImportProblems {
public:
    explicit ImportProblems(std::size_t keep = 20) : m_keep(keep) {}

    void add(ImportProblem problem);
    // Problems that are only counted, never listed: those found once the
    // list is full, when keeping what they would need would cost memory.
    void countMore(std::int64_t more) { m_count += more; }

    [[nodiscard]] bool empty() const { return m_count == 0; }
    // True once no further problem will be kept: what follows is only counted.
    [[nodiscard]] bool full() const { return m_kept.size() >= m_keep; }
    [[nodiscard]] std::size_t keep() const { return m_keep; }
    [[nodiscard]] std::int64_t count() const { return m_count; }
    [[nodiscard]] const std::vector<ImportProblem>& kept() const { return m_kept; }

    // One problem per line, then "... and N more problems" when some were not kept.
    [[nodiscard]] std::string describe() const;

private:
    std::size_t m_keep;
    std::vector<ImportProblem> m_kept;
    std::int64_t m_count = 0;
};

} // namespace knotmap
