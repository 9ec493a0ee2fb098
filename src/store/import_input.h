#pragma once

#include "store/fhir/fhir_import.h"
#include "store/import_source.h"

#include <filesystem>
#include <string>
#include <variant>

// What a path given to an import holds, worked out once for the command
// line and the window alike: Knotmap's own export (the folder `export --all`
// writes, or observations.csv alone) or the simple date,region,pain format.
namespace knotmap {

// A file in the simple format (store/simple_import.h).
struct SimpleImportInput {
    std::filesystem::path file;
};

using ImportInput = std::variant<ImportSource, SimpleImportInput, FhirImportInput>;

// A folder: all five tables, observations.csv alone, or FHIR NDJSON files.
// A file: a FHIR Bundle (.json) or NDJSON (.ndjson), else the observations
// table or the simple format, decided by its header. `shown`
// names the path in messages ("standard input" for a pipe's copy).
// Throws std::runtime_error saying what the path holds instead and what an
// import reads.
[[nodiscard]] ImportInput importInputFor(const std::filesystem::path& path,
                                         const std::string& shown, bool restoreText);

// A CSV sheet whose columns the person names (`import --map`): any header
// is taken, the mapping says which columns to read. Throws like
// importInputFor for a missing, empty or binary file.
[[nodiscard]] SimpleImportInput mappedSheetInput(const std::filesystem::path& path,
                                                 const std::string& shown);

// What was recognised, for the window's preview: "Knotmap export folder
// (all five tables)", "Knotmap observations table", "Simple format
// (date, region, pain, notes)".
[[nodiscard]] std::string describeImportInput(const ImportInput& input);

} // namespace knotmap
