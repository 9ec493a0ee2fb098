#include "store/migrations.h"

#include "core/asset_registry.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <charconv>
#include <stdexcept>

namespace knotmap {
namespace {

std::vector<Migration> loadMigrations(const std::string& prefix) {
    std::vector<Migration> result;
    for (const EmbeddedAsset& entry : assetsWithPrefix(prefix)) {
        const std::string_view file = entry.name.substr(prefix.size());
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

void recordVersion(sql::Connection& db, int version) {
    if (db.dialect() == sql::Dialect::SQLite) {
        db.exec("PRAGMA user_version = " + std::to_string(version));
    } else {
        db.exec("DELETE FROM knotmap_schema_version");
        db.exec("INSERT INTO knotmap_schema_version (version) VALUES (" + std::to_string(version) +
                ")");
    }
}

} // namespace

const std::vector<Migration>& migrations(sql::Dialect dialect) {
    static const std::vector<Migration> sqlite = loadMigrations("db/sqlite/");
    static const std::vector<Migration> postgresql = loadMigrations("db/postgresql/");
    return dialect == sql::Dialect::SQLite ? sqlite : postgresql;
}

int latestSchemaVersion(sql::Dialect dialect) {
    return static_cast<int>(migrations(dialect).size());
}

int schemaVersion(sql::Connection& db) {
    if (db.dialect() == sql::Dialect::SQLite) {
        return db.execAndGet("PRAGMA user_version").getInt();
    }
    if (!db.tableExists("knotmap_schema_version")) {
        return 0;
    }
    return db.execAndGet("SELECT coalesce(max(version), 0) FROM knotmap_schema_version").getInt();
}

void migrate(sql::Connection& db, int targetVersion) {
    for (const Migration& migration : migrations(db.dialect())) {
        if (migration.version <= schemaVersion(db) || migration.version > targetVersion) {
            continue;
        }
        try {
            // The write lock (SQLite) or the version table's row lock
            // (PostgreSQL, below) keeps two Knotmap processes opening an old
            // database from both migrating it.
            WriteTransaction transaction(db);
            if (db.dialect() == sql::Dialect::PostgreSQL &&
                db.tableExists("knotmap_schema_version")) {
                db.exec("LOCK TABLE knotmap_schema_version IN EXCLUSIVE MODE");
            }
            if (schemaVersion(db) < migration.version) {
                db.exec(std::string(migration.sql));
                recordVersion(db, migration.version);
            }
            transaction.commit();
        } catch (const std::exception& error) {
            throw StoreError(db.describe() + ": schema migration " + migration.name +
                             " failed: " + error.what());
        }
    }
}

} // namespace knotmap
