#pragma once

#include "core/import_problems.h"
#include "core/other_apps/pain_sheet.h"
#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotmap::ui {

// What File > Import… asks the app to do (app/import_job.h runs it on a
// worker): check every row of the path and say what it would add, or, once
// the person saw that, write it all in one transaction.
struct ImportRequest {
    std::filesystem::path path; // a CSV file or the folder `export --all` wrote
    std::string clientName;     // simple format: whose ratings (empty: the only client)
    bool write = false;         // false: check only, nothing is written
    // A sheet no format recognises: which of its columns hold what, named
    // by the person (`import --map`).
    std::optional<ColumnMap> columns;
    // Sheets: leave out the ratings of body areas no atlas region matches.
    // A check always does, so that its preview can list them; a write only
    // once the person chose to (`--skip-unmapped`).
    bool skipUnmapped = false;
};

// A sheet's body area as written, and the atlas regions it became.
struct PreviewArea {
    std::string text;      // "Back (lower) pain"
    std::string regions;   // "Left lumbar erector spinae and Right lumbar erector spinae"
    std::string codes;     // "back.erector_spinae_lumbar.left+back.erector_spinae_lumbar.right"
    std::string how;       // "synonym 'lower back'"
    std::int64_t rows = 0; // the ratings it gives (two an entry for both sides)
};

// A sheet's body area that no atlas region matched.
struct PreviewUnmappedArea {
    std::string text;
    std::string why;       // "no atlas region or synonym"
    std::int64_t rows = 0; // the sheet's entries naming it
    std::int64_t firstLine = 0;
};

// What the check found, in words, for the preview.
struct ImportPreview {
    std::string format; // "Knotmap export folder (all five tables)"
    std::vector<std::pair<std::string, std::int64_t>> counts; // ("Clients", 3), ...
    std::vector<std::string> notes; // new vocabulary, moved ids, the backup taken first
    // Sheets of pain by body area (docs/import-other-apps.md).
    std::string summary;   // "9 ratings for Me: 4 new sessions, 5 new knots", for counts
    std::string scaleRule; // how the sheet's ratings became 0-10
    std::vector<PreviewArea> areas;
    std::vector<PreviewUnmappedArea> unmapped;
    std::int64_t unmappedEntries = 0; // all the entries of unmapped areas (the list is capped)
    std::string otherEntries;         // "4 other entries (Mood, Sleep) carry no pain ..."
};

// The mapping form's choice for each role: a column of the header, or none.
struct ColumnPicks {
    static constexpr int kNone = -1;
    int date = kNone;
    int region = kNone;
    int pain = kNone;
    int time = kNone;
    int notes = kNone;
};

// The columns whose names look like each role's (case-insensitive: "Day"
// for the date, "Where" for the body area, "Level" for pain, ...), each
// column used at most once.
[[nodiscard]] ColumnPicks guessColumnPicks(const std::vector<std::string>& header);

enum class ImportStage {
    Choose,     // a path to pick, then Check
    Checking,   // every row is read; nothing is written
    Preview,    // what would be added; Import writes it
    Problems,   // why it cannot be imported, file, line and column
    MapColumns, // a sheet whose header is no known format: which column holds what
    Importing,  // written in one transaction
    Done,       // imported, or cancelled with nothing written
};

struct ImportDialogState {
    bool available = false;     // set by the app: a database that can be written is open
    bool openRequested = false; // File > Import…
    // A CSV file or folder dropped onto the window: the dialog opens on it
    // and checks it at once.
    std::optional<std::filesystem::path> dropped;
    std::string pathText;
    // Simple format: whose ratings these are. Set by the app each frame:
    // the clients there are, and the one on screen (whose the dialog
    // assumes when it opens).
    std::vector<std::string> clientNames;
    std::string shownClient;
    std::string clientName;    // chosen or typed; empty: the only client
    bool newClient = false;    // "A new client…" chosen: the name is typed
    std::string checkedClient; // the name the last check was for
    FileChooserSlot chooser;
    ImportStage stage = ImportStage::Choose;
    std::optional<ImportRequest> request; // taken by the app
    bool cancelRequested = false;         // taken by the app
    // Set by the app from its job.
    float fraction = -1.0f;    // share of the work done; below 0 while unknown
    bool simpleFormat = false; // the check recognised the simple format: whose rows is asked
    ImportPreview preview;
    std::vector<ImportProblem> problems;
    std::int64_t problemCount = 0; // may be more than problems holds
    std::string error;             // the path is not something an import reads, or reading failed
    std::string outcome;           // Done: what was imported, or that nothing was
    // A sheet whose header is no known format: its columns (set by the
    // app), what the person picked for each role, and the mapping checked
    // with (cleared when another path is chosen).
    std::vector<std::string> header;
    ColumnPicks picks;
    std::optional<ColumnMap> columns;
    // The preview lists body areas that no region matches: Import waits
    // until the person chooses to leave their ratings out.
    bool leaveUnmappedOut = false;
    // The preview's body areas table: how tall it was drawn, and how tall
    // it may be so that the dialog fits the screen (0: as tall as a third
    // of the screen; ui/dialogs/import_sheet_rows.h).
    float areasHeight = 0.0f;
    float areasLimit = 0.0f;
};

// The "Import" dialog: call every frame; it opens when openRequested or
// dropped is set and stays open until closed (not while writing).
void drawImportDialog(ImportDialogState& state, const Appearance& look);

} // namespace knotmap::ui
