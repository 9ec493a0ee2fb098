#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct CopyArguments {
    std::string from; // a file path, or a PostgreSQL URI or keyword string
    std::string to;
    bool quiet = false; // no progress bar (app/terminal_progress.h)
};

// Adds `knotmap copy --from SOURCE --to DEST` to app.
CLI::App* addCopyCommand(CLI::App& app, CopyArguments& arguments);

// Copies the whole database at --from into --to (store/copy/database_copy.h):
// the source is opened for reading only and never created; the destination
// is created when it is a missing file, or set up when it is an empty server
// database, and must hold no records. Shows progress on stderr when that is
// a terminal. Returns 0 when copied, 1 when refused or failed (messages on
// stderr, starting "knotmap copy: "); a destination file this command created
// is removed again on failure, so a failed copy leaves nothing behind.
int runCopy(const CopyArguments& arguments);

} // namespace knotmap
