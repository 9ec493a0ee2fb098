#pragma once

namespace knotmap {

// Parses the command line and runs the command; with no subcommand, opens
// the GUI. Returns the process exit code: 0 success, 1 a runtime error
// (reported on stderr as one line), 2 bad usage.
int runCommandLine(int argc, char** argv);

} // namespace knotmap
