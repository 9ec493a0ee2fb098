#pragma once

#include "store/database.h"
#include "store/open_findings.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotmap {

// What `knotmap info` reports about a database.
struct DatabaseInfo {
    int schemaVersion = 0;
    std::vector<std::pair<std::string, long long>> rowsPerTable; // in schema order
    std::optional<std::string> firstSession;                     // local ISO 8601 with offset
    std::optional<std::string> lastSession;
    std::string serverVersion;  // PostgreSQL's version, empty for a file
    std::string checksName;     // "integrity_check" or the server's checks that ran
    std::string integrityCheck; // "ok" or the checks' findings, one per line
    // The schema compared with Knotmap's, and every table's rows checked
    // against its constraints (store/open_findings.h).
    OpenFindings findings;

    [[nodiscard]] bool healthy() const { return integrityCheck == "ok" && findings.empty(); }
};

// Open the database with FindingsPolicy::Report, so that a file with
// findings is opened as it is for them to be listed here.
[[nodiscard]] DatabaseInfo collectDatabaseInfo(Database& database);

} // namespace knotmap
