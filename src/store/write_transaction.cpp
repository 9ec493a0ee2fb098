#include "store/write_transaction.h"

namespace knotmap {

WriteTransaction::WriteTransaction(SQLite::Database& db) : m_db(db) {
    m_db.exec("SAVEPOINT knotmap_write");
}

WriteTransaction::~WriteTransaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK TO knotmap_write");
            m_db.exec("RELEASE knotmap_write");
        } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }
}

void WriteTransaction::commit() {
    m_db.exec("RELEASE knotmap_write");
    m_done = true;
}

} // namespace knotmap
