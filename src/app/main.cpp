#include "app/cli.h"

int main(int argc, char** argv) {
    return knotmap::runCommandLine(argc, argv);
}
