#pragma once

#include "store/sql/connection.h"

#include <memory>

namespace knotmap {

// A private temporary SQLite database for what the import check cannot keep
// in memory when its input comes out of order (see ImportKeyIndex). It is
// opened on first use only, so a check of an export, which comes in order,
// never makes one; it is deleted when closed. Whoever prepares statements on
// it must destroy them before it.
class ImportScratchDatabase {
public:
    ImportScratchDatabase();
    ~ImportScratchDatabase();
    ImportScratchDatabase(const ImportScratchDatabase&) = delete;
    ImportScratchDatabase& operator=(const ImportScratchDatabase&) = delete;

    sql::Connection& connection();

private:
    std::unique_ptr<sql::Connection> m_db;
};

} // namespace knotmap
