#include "store/migrations.h"

#include "core/asset_registry.h"
#include "store/store_error.h"

#include <sqlite3.h>

#include <charconv>
#include <stdexcept>

namespace knotmap {
namespace {

std::vector<Migration> loadMigrations() {
    std::vector<Migration> result;
    for (const EmbeddedAsset& entry : assetsWithPrefix("db/")) {
        const std::string_view file = entry.name.substr(3);
        Migration migration;
        const auto parsed = std::from_chars(file.data(), file.data() + 3, migration.version);
        if (parsed.ec != std::errc() || parsed.ptr != file.data() + 3) {
            throw std::logic_error("migration file name must start with three digits: " +
                                   std::string(file));
        }
        if (migration.version != static_cast<int>(result.size()) + 1) {
            throw std::logic_error("migrations must be numbered 001, 002... without gaps: " +
                                   std::string(file));
        }
        migration.name = std::string(file);
        migration.sql = entry.bytes;
        result.push_back(std::move(migration));
    }
    return result;
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = loadMigrations();
    return all;
}

int latestSchemaVersion() {
    return static_cast<int>(migrations().size());
}

int schemaVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, int targetVersion) {
    for (const Migration& migration : migrations()) {
        if (migration.version <= schemaVersion(db) || migration.version > targetVersion) {
            continue;
        }
        // BEGIN IMMEDIATE takes the write lock up front so two Knotmap
        // processes opening an old file cannot both migrate it.
        db.exec("BEGIN IMMEDIATE");
        try {
            if (schemaVersion(db) < migration.version) {
                db.exec(std::string(migration.sql));
                db.exec("PRAGMA user_version = " + std::to_string(migration.version));
            }
            db.exec("COMMIT");
        } catch (const std::exception& error) {
            // SQLite may have rolled back already (a full disk): keep its message.
            if (sqlite3_get_autocommit(db.getHandle()) == 0) {
                db.exec("ROLLBACK");
            }
            throw StoreError(db.getFilename() + ": schema migration " + migration.name +
                             " failed: " + error.what());
        }
    }
}

} // namespace knotmap
