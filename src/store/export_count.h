#pragma once

#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>

namespace knotmap {

// The number of data rows exportTableCsv would write with these options,
// counted without formatting a cell, so an export's progress can be shown as
// a fraction. Uses the same filters (store/export_filter.h) as the export.
[[nodiscard]] std::int64_t countExportRows(Database& database, ExportTable table,
                                           const ExportOptions& options = {});

} // namespace knotmap
