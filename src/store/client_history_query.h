#pragma once

#include "core/client_history.h"
#include "store/sql/connection.h"

namespace knotmap {

// Reads one client's whole history for the charts: five queries, each
// walking the (client, time) index once, whatever the history's length.
// Throws sql::Error when the database cannot be read.
[[nodiscard]] ClientHistory loadClientHistory(sql::Connection& db, Id clientId);

} // namespace knotmap
