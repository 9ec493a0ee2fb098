#pragma once

#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// The simple import format, for people coming from a spreadsheet or another
// app: one row per sore spot with date, region, pain and optional notes
// (docs/csv-format.md, "Simple format").
namespace knotmap {

// True when a header names the simple format's columns (any order, any case):
// date, region, pain and optionally notes.
[[nodiscard]] bool isSimpleImportHeader(const std::vector<std::string>& header);

struct SimpleImportOptions {
    // Whose rows these are. Empty: the database's only client, or a new "Me"
    // in a database without clients. A name not in the database is added.
    std::string clientName;
};

struct SimpleImportResult {
    std::string clientName;
    bool newClient = false;
    std::int64_t observations = 0;
    std::int64_t newSessions = 0; // days without a session yet
    std::int64_t newKnots = 0;    // regions the client had no knot in yet
    // Times without an offset that met a daylight-saving change
    // (fromSystemLocal in core/timestamp.h): skipped by the clocks, so moved
    // forward by the skip, or happening twice, so read as the first.
    std::int64_t movedForward = 0;
    std::int64_t readAsFirst = 0;
};

// Checks every row, then (unless dryRun) writes them in one transaction: one
// check-in per day (the client's existing session that day if there is one),
// one knot per region (an existing knot there if the client has one, else a
// new one at the region's centre). Throws ImportRejected (store/csv_import.h)
// with every problem, unknown regions listed by name, and writes nothing.
SimpleImportResult importSimpleCsv(Database& database, const std::filesystem::path& file,
                                   const SimpleImportOptions& options, bool dryRun);

} // namespace knotmap
