#pragma once

#include "core/import_problems.h"
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
};

// What the check found, in words, for the preview.
struct ImportPreview {
    std::string format; // "Knotmap export folder (all five tables)"
    std::vector<std::pair<std::string, std::int64_t>> counts; // ("Clients", 3), ...
    std::vector<std::string> notes; // new vocabulary, moved ids, the backup taken first
};

enum class ImportStage {
    Choose,    // a path to pick, then Check
    Checking,  // every row is read; nothing is written
    Preview,   // what would be added; Import writes it
    Problems,  // why it cannot be imported, file, line and column
    Importing, // written in one transaction
    Done,      // imported, or cancelled with nothing written
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
};

// The "Import" dialog: call every frame; it opens when openRequested or
// dropped is set and stays open until closed (not while writing).
void drawImportDialog(ImportDialogState& state, const Appearance& look);

} // namespace knotmap::ui
