#pragma once

#include "store/database.h"

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

namespace knotmap {

// The observation CSV's columns, in order (docs/csv-format.md).
[[nodiscard]] const std::vector<std::string_view>& observationCsvColumns();

// Writes every observation as RFC 4180 CSV with a header row, ordered by
// client, session time and knot. Returns the number of data rows.
std::int64_t exportObservationsCsv(Database& database, std::ostream& out);

} // namespace knotmap
