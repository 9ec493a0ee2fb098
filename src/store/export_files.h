#pragma once

#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

// CSV exports written to files, shared by `knotmap export -o/--all` and the
// window's export dialog. A file appears under its real name only once it is
// complete: an export that fails or is cancelled leaves no partial file.
namespace knotmap {

// One table written to its file.
struct ExportedFile {
    ExportTable table = ExportTable::Observations;
    std::filesystem::path path;
    std::int64_t rows = 0; // data rows, the header not counted
};

// Writes the table to a temporary file beside target and renames it into
// place (replacing an older target). On any exception, the progress
// callback's included, the temporary file is removed and the error rethrown.
ExportedFile exportTableToFile(Database& database, ExportTable table, const ExportOptions& options,
                               const std::filesystem::path& target);

// The file exportAllTables writes table to: folder/observations.csv, ...
[[nodiscard]] std::filesystem::path exportFileInFolder(const std::filesystem::path& folder,
                                                       ExportTable table);

// Writes every table into folder (created if missing), in the order of
// exportTableNames(); onWritten hears of each file once it is in place.
// A table that fails stops the rest; the files already written stay.
std::vector<ExportedFile>
exportAllTables(Database& database, const ExportOptions& options,
                const std::filesystem::path& folder,
                const std::function<void(const ExportedFile&)>& onWritten = {});

} // namespace knotmap
