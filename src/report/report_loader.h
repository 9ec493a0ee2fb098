#pragma once

#include "report/report_data.h"

#include <filesystem>
#include <string>

namespace knotmap {
class Database;
}

namespace knotmap::report {

// The client named name (ignoring case, archived ones included). Throws
// std::runtime_error naming the database and listing the known clients.
[[nodiscard]] Client findReportClient(Database& database, const std::string& name);

// Reads the client's sessions, knots, observations and treatments and
// summarises those within range. Throws what the store throws.
[[nodiscard]] ReportData loadReportData(Database& database, const Client& client,
                                        const DateRange& range);

} // namespace knotmap::report
