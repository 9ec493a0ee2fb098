#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct AuditArguments {
    std::string db;
    std::string client; // a client's name
    std::string from;   // YYYY-MM-DD, local days, inclusive
    std::string to;
    std::string format = "text"; // or csv
    std::string output;          // -o FILE; standard output without
};

// `knotmap audit`: who changed what and when (docs/audit-trail.md).
CLI::App* addAuditCommand(CLI::App& app, AuditArguments& arguments);
int runAudit(const AuditArguments& arguments);

} // namespace knotmap
