#include "store/import_temp_store.h"

namespace knotmap {

ImportTempStore::ImportTempStore(sql::Connection& db) : m_db(db) {
    if (db.dialect() != sql::Dialect::SQLite) {
        return;
    }
    // 0 default, 1 file, 2 memory: the number goes back as it came.
    m_previous = std::to_string(db.execAndGet("PRAGMA temp_store").getInt64());
    db.exec("PRAGMA temp_store = MEMORY");
}

ImportTempStore::~ImportTempStore() {
    if (m_previous.empty()) {
        return;
    }
    try {
        m_db.exec("PRAGMA temp_store = " + m_previous);
    } catch (...) { // NOLINT(bugprone-empty-catch)
        // Only a speed setting of this connection: an import that succeeded
        // or failed stays as it is, whatever the pragma did.
    }
}

} // namespace knotmap
