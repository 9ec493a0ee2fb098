#pragma once

#include "store/sql/connection.h"

namespace knotmap {

// A write that commits whole or not at all. The outermost one begins the
// backend's write transaction (SQLite: BEGIN IMMEDIATE, which waits for
// other writers with the busy timeout, then holds the write lock); nested
// ones are savepoints, so one repository call can be part of a larger write
// (an import, the demo): only the outermost commits.
class WriteTransaction {
public:
    explicit WriteTransaction(sql::Connection& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    sql::Connection& m_db;
    bool m_done = false;
    bool m_outermost = false;
};

// A consistent snapshot for several reads (a check, an export): SQLite's
// deferred transaction, PostgreSQL's REPEATABLE READ. Ends when destroyed.
class ReadTransaction {
public:
    explicit ReadTransaction(sql::Connection& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    sql::Connection& m_db;
    bool m_outermost = false;
};

} // namespace knotmap
