#pragma once

#include "core/csv_columns.h"
#include "core/domain.h"
#include "store/database.h"

#include <cstdint>
#include <functional>
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

// What to write and how. Session-based tables (observations, sessions,
// treatments) honour every filter; knots and clients only the client.
struct ExportOptions {
    std::optional<Id> clientId;
    // Inclusive bounds on the session's local date, in days since 1970-01-01
    // (daysFromCivil): the day the person saw on their calendar.
    std::optional<std::int64_t> fromDay;
    std::optional<std::int64_t> toDay;
    // Text cells starting with = + - @ TAB or CR get a leading apostrophe so
    // a spreadsheet shows them instead of running them (docs/csv-format.md).
    bool neutralise = true;
    // A UTF-8 byte order mark first: Excel then reads the file as UTF-8.
    bool bom = false;
    // Told the number of data rows written so far every kExportProgressRows
    // rows (not per row: the export must stay fast), for a progress bar. It
    // may throw to cancel the export: exportTableCsv passes the exception on.
    std::function<void(std::int64_t rowsWritten)> progress;
};

// How often ExportOptions::progress hears: about every 10 ms on a large export.
inline constexpr std::int64_t kExportProgressRows = 4096;

// The table's columns, in order (core/csv_columns.h).
[[nodiscard]] CsvColumns exportTableColumns(ExportTable table);

// Writes the table with a header row; returns the number of data rows.
std::int64_t exportTableCsv(Database& database, ExportTable table, std::ostream& out,
                            const ExportOptions& options = {});

} // namespace knotmap
