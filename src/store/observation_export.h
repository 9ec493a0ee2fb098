#pragma once

#include "core/csv_writer.h"
#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>
#include <ostream>

namespace knotmap {

// Writes the options' observations as rows (no header), ordered by client,
// session time and knot.
void writeObservationRows(Database& database, CsvWriter& csv, const ExportOptions& options);

// Every observation as RFC 4180 CSV with a header row (exportTableCsv with
// default options). Returns the number of data rows.
std::int64_t exportObservationsCsv(Database& database, std::ostream& out);

} // namespace knotmap
