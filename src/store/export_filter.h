#pragma once

#include "store/sql/statement.h"
#include "store/table_export.h"

#include <string>
#include <string_view>

// The WHERE conditions behind `export --client/--from/--to`, shared by every
// table's query so each keeps one query for the filtered and unfiltered case.
namespace knotmap {

// Conditions on a session (table alias `session`) for the options' client and
// local dates, or "1 = 1" when they select every session.
[[nodiscard]] std::string sessionFilterSql(const ExportOptions& options, std::string_view session);

// A condition on a client id column for the options' client, or "1 = 1".
[[nodiscard]] std::string clientFilterSql(const ExportOptions& options,
                                          std::string_view clientIdColumn);

// Binds the parameters the conditions above put into `statement`.
void bindExportFilter(sql::Statement& statement, const ExportOptions& options);

} // namespace knotmap
