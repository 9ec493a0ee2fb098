#include "store/write_transaction.h"

namespace knotmap {

WriteTransaction::WriteTransaction(sql::Connection& db) : m_db(db) {
    if (!m_db.inTransaction()) {
        m_db.beginWrite();
        m_outermost = true;
    } else {
        m_db.savepoint();
    }
}

WriteTransaction::~WriteTransaction() {
    if (!m_done) {
        try {
            if (m_outermost) {
                m_db.forgetWrittenVersions();
                m_db.rollback();
            } else {
                m_db.rollbackToSavepoint();
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }
}

void WriteTransaction::commit() {
    if (m_outermost) {
        m_db.commit();
        m_db.keepWrittenVersions();
    } else {
        m_db.releaseSavepoint();
    }
    m_done = true;
}

ReadTransaction::ReadTransaction(sql::Connection& db) : m_db(db) {
    if (!m_db.inTransaction()) {
        m_db.beginRead();
        m_outermost = true;
    }
}

ReadTransaction::~ReadTransaction() {
    if (m_outermost) {
        try {
            m_db.rollback();
        } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }
}

} // namespace knotmap
