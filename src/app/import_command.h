#pragma once

#include "store/database.h"

#include <functional>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct ImportArguments {
    std::string db;
    std::string source; // a file, the folder `export --all` wrote, or - (standard input)
    std::string client; // sheets of pain by body area: whose rows these are
    // --map date=COL,region=COL,pain=COL[,time=COL,notes=COL]; an empty one
    // given is an error, not the same as none.
    std::optional<std::string> map;
    bool skipUnmapped = false; // leave out ratings of body areas no region matches
    bool dryRun = false;
    bool noNeutralise = false; // the file was exported with --no-neutralise
    bool quiet = false;        // no progress bar (app/terminal_progress.h)
};

// Adds `knotmap import` and its options to app.
CLI::App* addImportCommand(CLI::App& app, ImportArguments& arguments);

// Works out what the source is (standard input is first copied into a
// private temporary file, as the rows are read twice: checked, then written) (all tables,
// observations alone or the simple format), checks every row and writes it all in one transaction,
// or nothing. Returns 1 with the problems listed on standard error when the import is refused; the
// database is then as it was (a file the import created is removed again; a server's empty database
// stays empty, as after a dry run). openDatabase opens a file (and reports a migration's backup); a
// server's database is opened with Database::openForImport, so that the schema an empty one gets is
// committed with the records or not at all.
int runImport(const ImportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase);

} // namespace knotmap
