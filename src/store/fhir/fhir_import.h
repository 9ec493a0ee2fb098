#pragma once

#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

// `knotmap import FILE.json` (or NDJSON): reads Knotmap's own FHIR R4
// export back (docs/fhir.md, "Importing"), with the CSV import's rules:
// every resource is checked before anything is written, then everything is
// written in one transaction, or nothing. Problems name the file, the entry
// or line, the resource and the field.
namespace knotmap {

struct FhirImportInput {
    // A Bundle (.json), or NDJSON files (.ndjson, one resource per line,
    // e.g. the files of `export --format fhir-ndjson`).
    std::vector<std::filesystem::path> files;
    bool ndjson = false;
    // Called between the steps of reading and writing (the window's Cancel
    // throws from it); a throw while writing rolls everything back.
    std::function<void()> checkpoint;
};

struct FhirImportResult {
    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t observations = 0;
    std::int64_t treatments = 0;
    std::vector<std::string> newVocabulary; // "symptom tingling", ...
    // Added to the file's ids because the database already used some of
    // them (0: the file's ids kept, as export -> import -> export needs).
    std::int64_t idOffset = 0;
};

// Throws ImportRejected (store/csv_import.h) listing the problems; the
// database is then unchanged.
FhirImportResult importFhir(Database& database, const FhirImportInput& input, bool dryRun);

} // namespace knotmap
