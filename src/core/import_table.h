#pragma once

#include "core/import_problems.h"
#include "core/import_row.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace knotmap {

struct ImportTableFile {
    std::filesystem::path path;
    std::string name; // as messages show it, e.g. "observations.csv"
    std::vector<std::string> columns;
    bool restoreText = true; // undo the export's spreadsheet neutralisation
    // Told how many bytes of the file are read so far, every
    // kImportProgressRows rows, for a progress bar; may be empty.
    std::function<void(std::int64_t bytesRead)> progress;
};

inline constexpr std::int64_t kImportProgressRows = 4096;

// Streams one CSV table of an import, so memory stays bounded however large
// the file is. The header must list `columns` in order; each data record must
// have one field per column and is handed to `onRow`. An unreadable or empty
// file, a wrong header, a short or long row and a CSV syntax error each become
// a problem naming the file and line. Reading stops at a syntax error or a
// wrong header: the rest of the file cannot be understood then. Returns the
// number of data rows read.
std::int64_t readImportTable(const ImportTableFile& file, ImportProblems& problems,
                             const std::function<void(ImportRow&)>& onRow);

// The first record of a CSV file (its header), or none when the file cannot be
// read, is empty or does not start with a valid record.
[[nodiscard]] std::optional<std::vector<std::string>>
readCsvHeader(const std::filesystem::path& path);

} // namespace knotmap
