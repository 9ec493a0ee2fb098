#pragma once

#include "store/database.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

// `knotmap export --table NAME`: one CSV per domain table, in the format of
// docs/csv-format.md (RFC 4180, local ISO 8601 times with their offset, lists
// joined by ';', empty = unknown).
namespace knotmap {

enum class ExportTable { Observations, Sessions, Treatments, Knots, Clients };

// "observations", "sessions", ... as typed on the command line; none when unknown.
[[nodiscard]] std::optional<ExportTable> exportTableFromName(std::string_view name);
[[nodiscard]] std::string_view exportTableName(ExportTable table);
// Every name exportTableFromName accepts, in the order the docs list them.
[[nodiscard]] const std::vector<std::string_view>& exportTableNames();

// The table's columns, in order.
[[nodiscard]] const std::vector<std::string_view>& exportTableColumns(ExportTable table);

// Writes the table with a header row; returns the number of data rows.
std::int64_t exportTableCsv(Database& database, ExportTable table, std::ostream& out);

} // namespace knotmap
