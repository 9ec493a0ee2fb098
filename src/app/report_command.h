#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct ReportArguments {
    std::string db;
    std::string client;
    std::string from; // YYYY-MM-DD, empty: from the first session
    std::string to;   // YYYY-MM-DD, empty: to the latest session
    std::string paper = "a4";
    std::string checkIns = "weekly"; // weekly, full or none
    std::string output;              // "-": standard output
    bool quiet = false;              // no progress bar (app/terminal_progress.h)
};

// Adds `knotmap report` and its options to app.
CLI::App* addReportCommand(CLI::App& app, ReportArguments& arguments);

// Writes the client's printable PDF report; returns the exit code (2 for a
// period that ends before it starts). Throws with a message naming the
// client or file on failure.
int runReport(const ReportArguments& arguments);

} // namespace knotmap
