#pragma once

#include "core/output_file.h"
#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

// CSV exports written to files, shared by `knotmap export -o/--all` and the
// window's export dialog. A file appears under its real name only once it is
// complete: an export that fails or is cancelled leaves no partial file.
// Files are 0600 and created folders 0700 (core/output_file.h).
namespace knotmap {

// One table written to its file.
struct ExportedFile {
    ExportTable table = ExportTable::Observations;
    std::filesystem::path path;
    std::int64_t rows = 0; // data rows, the header not counted
};

// Writes the table into output (not committed); returns the data rows. A
// failed write stops the export at its next progress step with an error
// naming the output, rather than formatting the rest of a large table.
std::int64_t exportTableToOutput(Database& database, ExportTable table,
                                 const ExportOptions& options, OutputFile& output);

// Writes the table to target as an OutputFile: a regular file is replaced
// whole, a device or FIFO written directly. On any exception, the progress
// callback's included, no partial file is left and the error is rethrown.
ExportedFile exportTableToFile(Database& database, ExportTable table, const ExportOptions& options,
                               const std::filesystem::path& target);

// The file exportAllTables writes table to: folder/observations.csv, ...
[[nodiscard]] std::filesystem::path exportFileInFolder(const std::filesystem::path& folder,
                                                       ExportTable table);

// Writes every table into folder (created 0700 with any missing parent, if
// missing), in the order of exportTableNames(); onWritten hears of each file
// once it is in place. A table that fails stops the rest; the files already
// written stay (a folder it made and left empty is removed).
std::vector<ExportedFile>
exportAllTables(Database& database, const ExportOptions& options,
                const std::filesystem::path& folder,
                const std::function<void(const ExportedFile&)>& onWritten = {});

} // namespace knotmap
