#include "store/write_transaction.h"

#include <sqlite3.h>

namespace knotmap {

WriteTransaction::WriteTransaction(SQLite::Database& db) : m_db(db) {
    if (sqlite3_get_autocommit(m_db.getHandle()) != 0) {
        // The outermost write takes the write lock up front. A deferred
        // transaction that reads first and writes later cannot wait for
        // another writer (SQLite answers SQLITE_BUSY at once when its
        // snapshot is stale), so it would fail instead of waiting its turn.
        m_db.exec("BEGIN IMMEDIATE");
        m_outermost = true;
    } else {
        m_db.exec("SAVEPOINT knotmap_write");
    }
}

WriteTransaction::~WriteTransaction() {
    if (!m_done) {
        try {
            if (m_outermost) {
                // SQLite may have rolled back already (a full disk, an I/O error).
                if (sqlite3_get_autocommit(m_db.getHandle()) == 0) {
                    m_db.exec("ROLLBACK");
                }
            } else {
                m_db.exec("ROLLBACK TO knotmap_write");
                m_db.exec("RELEASE knotmap_write");
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }
}

void WriteTransaction::commit() {
    m_db.exec(m_outermost ? "COMMIT" : "RELEASE knotmap_write");
    m_done = true;
}

} // namespace knotmap
