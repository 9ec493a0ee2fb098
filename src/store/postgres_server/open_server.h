#pragma once

#include "store/database.h"

// Opening a Knotmap database on a PostgreSQL server: connect, check that the
// database is Knotmap's (or empty, to be set up), refuse a schema newer than
// this program knows, migrate an older one.
namespace knotmap {

[[nodiscard]] Database openServerDatabase(const DatabaseLocation& where, const OpenOptions& options);
// A plain read-only connection for a worker thread (store/database.h).
[[nodiscard]] std::unique_ptr<sql::Connection> openServerReader(const DatabaseLocation& where);

} // namespace knotmap
