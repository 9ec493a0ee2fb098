#include "app/cli.h"
#include "store/database.h"

#include <csignal>

int main(int argc, char** argv) {
    // A server that goes away closes the socket under us: a write to it must
    // fail as an error the store reports, never kill the process with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    knotmap::prepareDatabaseLibraries();
    return knotmap::runCommandLine(argc, argv);
}
