#pragma once

#include "store/sql/connection.h"

#include <string>

namespace knotmap {

// Keeps SQLite's temporary files in memory while an import writes (PRAGMA
// temp_store = MEMORY), and puts the connection's setting back afterwards.
// Each INSERT of an import runs triggers that may fail halfway, so SQLite
// keeps a statement journal for it; inside the import's one long transaction
// that journal spills to a temporary file once it passes 64 KB, and an import
// of 1.7 million observations then spent over half its time in 14 million
// small writes to it. In memory the journal is freed after each statement, so
// it stays as small as one statement's changes. Nothing for PostgreSQL.
class ImportTempStore {
public:
    explicit ImportTempStore(sql::Connection& db);
    ~ImportTempStore();
    ImportTempStore(const ImportTempStore&) = delete;
    ImportTempStore& operator=(const ImportTempStore&) = delete;

private:
    sql::Connection& m_db;
    std::string m_previous; // empty: nothing to put back
};

} // namespace knotmap
