#pragma once

#include "core/other_apps/pain_sheet.h"
#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Sheets of pain by body area, for people coming from a spreadsheet or
// another app: the simple format (date, region, pain and optional notes;
// docs/csv-format.md, "Simple format"), the CSV exports of Bearable,
// Flaredown and the CrisisCore pain tracker, and any sheet whose columns the
// person names (docs/import-other-apps.md). Body areas are mapped to atlas
// regions through core/other_apps/body_area_map.h.
namespace knotmap {

// True when a header is a sheet this import reads by itself: the simple
// format or another app's export (core/other_apps/pain_sheet.h).
[[nodiscard]] bool isSimpleImportHeader(const std::vector<std::string>& header);

struct SimpleImportOptions {
    // Whose rows these are. Empty: the database's only client, or a new "Me"
    // in a database without clients. A name not in the database is added.
    std::string clientName;
    // Columns named by hand (`--map`), for a sheet no format recognises; it
    // also overrides a recognised format.
    std::optional<ColumnMap> columns;
    // Rows whose body area maps to no atlas region: false refuses the import
    // listing them; true leaves those rows out, still listing them.
    bool skipUnmapped = false;
};

// A body area as the sheet wrote it, and what it became.
struct AreaMapping {
    std::string text;
    std::vector<std::string> regions; // atlas codes: one side or both
    std::string how;                  // "synonym 'lower back'", "region name", ...
    std::int64_t rows = 0;            // ratings it gave (two per entry for both sides)
};

// A body area no atlas region matched.
struct UnmappedArea {
    std::string text;
    std::string why;       // "no atlas region or synonym", or what it could be
    std::int64_t rows = 0; // entries naming it
    std::int64_t firstLine = 0;
};

struct SimpleImportResult {
    std::string format;                 // describeSheet(): "Bearable export", ...
    std::string scaleRule;              // how ratings became 0-10
    std::vector<AreaMapping> areas;     // in the order first met
    std::vector<UnmappedArea> unmapped; // in the order first met, up to 50
    std::int64_t skippedRows = 0;       // entries left out: their area is unmapped
    std::int64_t mergedRatings = 0;     // repeats of a region at one time, merged (other apps)
    std::int64_t otherRows = 0;         // rows about something else (mood, treatments)
    std::int64_t alreadyKept = 0;       // ratings the database has already, the same pain: left out
    std::string otherKinds;             // "Mood, Sleep and treatments"
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

// "4 other entries (Mood and Sleep) carry no pain by body area and are not
// imported", or empty when there are none: the same words on the command
// line and in the window.
[[nodiscard]] std::string otherEntriesSentence(const SimpleImportResult& result);

// Checks every row, then (unless dryRun) writes them in one transaction: one
// check-in per day (the client's existing session that day if there is one),
// one knot per region (an existing knot there if the client has one, else a
// new one at the region's centre). Throws ImportRejected (store/csv_import.h)
// with every problem, unknown regions listed by name, and writes nothing.
SimpleImportResult importSimpleCsv(Database& database, const std::filesystem::path& file,
                                   const SimpleImportOptions& options, bool dryRun);

} // namespace knotmap
