#pragma once

#include <SQLiteCpp/Database.h>

namespace knotmap {

// A write that commits whole or not at all. The outermost one is BEGIN
// IMMEDIATE (it waits for other writers with the busy timeout, then holds the
// write lock); nested ones are savepoints, so one repository call can be part
// of a larger write (an import, the demo): only the outermost commits to disk.
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
    bool m_outermost = false;
};

} // namespace knotmap
