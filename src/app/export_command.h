#pragma once

#include "store/database.h"

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct ExportArguments {
    std::string db;
    std::string format;    // empty or "csv"; "fhir" (one Bundle) or "fhir-ndjson" (--all DIR)
    std::string output;    // empty or "-": standard output
    std::string table;     // empty: observations
    std::string allFolder; // --all: every table into this folder
    std::string client;    // a client's name, compared ignoring case
    std::string from;      // YYYY-MM-DD, the session's local date, inclusive
    std::string to;
    bool bom = false;
    bool noNeutralise = false;
    bool encrypt = false;       // one encrypted archive (-o FILE, or --all FILE)
    std::string passphraseFile; // --passphrase-file; else KNOTMAP_PASSPHRASE or a prompt
    bool quiet = false;         // no progress bar (app/terminal_progress.h)
};

// Adds `knotmap export` and its options to app.
CLI::App* addExportCommand(CLI::App& app, ExportArguments& arguments);

// The options, checked before the database is opened or its passphrase
// asked for: false after printing what is wrong (exit 2).
[[nodiscard]] bool exportOptionsUsable(const ExportArguments& arguments);

// Writes the CSV file(s), once exportOptionsUsable has accepted the options
// (the command line asks it before the database is opened).
// Throws with a message naming the file or client on failure (exit 1).
int runExport(const ExportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase);

} // namespace knotmap
