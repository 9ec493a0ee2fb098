#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct PracticeArguments {
    std::string db;
    std::string login; // init --login, or the practitioner a command is about
    std::string name;  // --name
    std::string role = "practitioner";
    std::string client; // assign/share/unshare: the client's name
    std::string passwordFile;
    bool noPassword = false;
};

// `knotmap practice init|add|disable|enable|assign|share|unshare|list`
// (docs/practice.md). Returns the command, whose subcommands say which ran.
CLI::App* addPracticeCommand(CLI::App& app, PracticeArguments& arguments);

// 0, or 1 with the server's reason on stderr; 2 for a command line that
// cannot work (a file database, a missing option).
int runPractice(const CLI::App& command, const PracticeArguments& arguments);

} // namespace knotmap
