#pragma once

#include "store/database.h"

// Opening a Knotmap database on a PostgreSQL server: connect, check that the
// database is Knotmap's (or empty, to be set up), refuse a schema newer than
// this program knows, migrate an older one.
namespace knotmap {

// A database that holds no tables gets Knotmap's whole schema in one
// transaction, so an open that fails or is killed half-way leaves it empty.
enum class SchemaCreation {
    Committed, // committed before the database is returned
    LeftOpen   // left open for the caller (Database::openForImport)
};

[[nodiscard]] Database openServerDatabase(const DatabaseLocation& where, const OpenOptions& options,
                                          SchemaCreation creation = SchemaCreation::Committed);
// A plain read-only connection for a worker thread (store/database.h).
[[nodiscard]] std::unique_ptr<sql::Connection> openServerReader(const DatabaseLocation& where);

} // namespace knotmap
