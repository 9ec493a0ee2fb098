#include "store/import_scratch_database.h"

#include "store/sql/sqlite/sqlite_connection.h"
#include "store/sqlite_file/sqlite_file_vfs.h"

#include <SQLiteCpp/Database.h>

namespace knotmap {

ImportScratchDatabase::ImportScratchDatabase() = default;
ImportScratchDatabase::~ImportScratchDatabase() = default;

sql::Connection& ImportScratchDatabase::connection() {
    if (!m_db) {
        // An empty file name: SQLite's private temporary database, on disk
        // once it outgrows its cache, and removed when the connection closes.
        // Through the encrypted VFS, which writes temporary files under a
        // throw-away key: the keys it holds (names among them) are records.
        auto database = std::make_unique<SQLite::Database>(
            "", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0, scratchVfs());
        m_db = std::make_unique<sql::SqliteConnection>(std::move(database), "");
        // Nothing here needs to survive a crash: no journal, no syncs, and
        // 8 MB of cache so that memory stays bounded.
        m_db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                   "PRAGMA cache_size = -8192; PRAGMA temp_store = FILE");
        // One transaction for the whole check: nothing is ever committed.
        m_db->exec("BEGIN");
    }
    return *m_db;
}

} // namespace knotmap
