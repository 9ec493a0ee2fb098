#include "core/import_table.h"

#include "core/validation.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace knotmap {

// A note at the limit, plus the apostrophe neutralisation may put before it,
// must read back (and one a little over must reach the row's length check).
static_assert(CsvLimits{}.maxFieldBytes > kMaxNoteBytes + 1);

namespace {

std::string joined(const std::vector<std::string>& columns) {
    std::string text;
    for (const std::string& column : columns) {
        text += (text.empty() ? "" : ",") + column;
    }
    return text;
}

void fileProblem(ImportProblems& problems, const ImportTableFile& file, std::int64_t line,
                 std::int64_t character, std::string message) {
    ImportProblem problem;
    problem.file = file.name;
    problem.line = line;
    problem.character = character;
    problem.message = std::move(message);
    problems.add(std::move(problem));
}

} // namespace

std::int64_t readImportTable(const ImportTableFile& file, ImportProblems& problems,
                             const std::function<void(ImportRow&)>& onRow) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        fileProblem(problems, file, 0, 0, std::string("cannot open: ") + std::strerror(errno));
        return 0;
    }
    CsvReader reader(in);
    CsvRecord record;
    if (!reader.next(record)) {
        if (const auto& error = reader.error()) {
            fileProblem(problems, file, error->line, error->column, error->message);
        } else {
            fileProblem(problems, file, 0, 0,
                        "the file is empty; expected a header row: " + joined(file.columns));
        }
        return 0;
    }
    if (const auto mismatch = CsvHeaderCheck(file.columns).check(record)) {
        fileProblem(problems, file, mismatch->line, 0,
                    "wrong header: " + mismatch->message + ". The header must be " +
                        joined(file.columns));
        return 0;
    }
    std::int64_t rows = 0;
    while (reader.next(record)) {
        if (record.size() != file.columns.size()) {
            const bool blank = record.size() == 1 && record.fields.front().empty();
            fileProblem(problems, file, record.line, 0,
                        blank ? "a blank line; every row needs " +
                                    std::to_string(file.columns.size()) + " fields"
                              : "has " + std::to_string(record.size()) + " field" +
                                    (record.size() == 1 ? "" : "s") + "; the header has " +
                                    std::to_string(file.columns.size()) +
                                    " (is the row cut short, or a comma not quoted?)");
            continue;
        }
        ++rows;
        ImportRow row(record, file.columns, file.name, problems, file.restoreText);
        onRow(row);
        if (file.progress && rows % kImportProgressRows == 0) {
            file.progress(static_cast<std::int64_t>(in.tellg()));
        }
    }
    if (const auto& error = reader.error()) {
        fileProblem(problems, file, error->line, error->column, error->message);
    }
    return rows;
}

std::optional<std::vector<std::string>> readCsvHeader(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    CsvReader reader(in);
    CsvRecord record;
    if (!reader.next(record)) {
        return std::nullopt;
    }
    return record.fields;
}

} // namespace knotmap
