#pragma once

#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// FHIR exports written to files (docs/fhir.md): one Bundle of type
// "collection", or NDJSON files, one per resource type, as FHIR Bulk Data
// writes them. Files appear only once complete, 0600 in folders made 0700,
// like every export (core/output_file.h).
namespace knotmap {

struct FhirFile {
    std::filesystem::path path;
    std::string resourceType; // "Bundle", or the one type an NDJSON file holds
    std::int64_t resources = 0;
};

// Writes the Bundle to target ("-": standard output).
FhirFile writeFhirBundle(Database& database, const ExportOptions& options,
                         const std::filesystem::path& target);

// Writes Patient.ndjson, BodyStructure.ndjson, Encounter.ndjson,
// Observation.ndjson, Procedure.ndjson and Composition.ndjson into folder
// (made if missing); a type with no resource gets no file. A failure while
// writing leaves none of them; they are put in place only at the end.
std::vector<FhirFile> writeFhirNdjson(Database& database, const ExportOptions& options,
                                      const std::filesystem::path& folder);

} // namespace knotmap
