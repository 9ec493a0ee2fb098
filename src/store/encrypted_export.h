#pragma once

#include "crypto/secret.h"
#include "store/database.h"
#include "store/table_export.h"

#include <filesystem>
#include <functional>
#include <vector>

namespace knotmap {

// One table inside an encrypted export archive.
struct ArchivedTable {
    ExportTable table = ExportTable::Observations;
    std::int64_t rows = 0;
};

// Writes tables as CSV (exactly the bytes `export` writes for each) into one
// encrypted archive at target (crypto/sealed_format.h; docs/encrypted-files.md),
// entries named observations.csv, sessions.csv, ... The CSV is sealed as it
// is made: no plain copy is written anywhere. The archive appears at target
// only once complete (core/output_file.h); on any error none is left.
std::vector<ArchivedTable> exportEncryptedArchive(Database& database,
                                                  const std::vector<ExportTable>& tables,
                                                  const ExportOptions& options,
                                                  const std::filesystem::path& target,
                                                  const crypto::Secret& passphrase);

} // namespace knotmap
