#pragma once

#include <SQLiteCpp/Database.h>

namespace knotmap {

// A write that commits whole or not at all. Built on savepoints, so one
// repository call can be part of a larger write (an import, the demo) that
// holds its own WriteTransaction: only the outermost one commits to disk.
class WriteTransaction {
public:
    explicit WriteTransaction(SQLite::Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    SQLite::Database& m_db;
    bool m_done = false;
};

} // namespace knotmap
