#include "store/sqlite_file/schema_check.h"

#include "store/migrations.h"
#include "store/sql/sqlite/sqlite_connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace knotmap {
namespace {

// A column as PRAGMA table_xinfo describes it: name, declared type, NOT
// NULL, default and primary-key position, joined into one comparable line.
std::vector<std::string> columnsOf(SQLite::Database& db, const std::string& table) {
    std::vector<std::string> columns;
    SQLite::Statement query(db, "SELECT name, type, \"notnull\", ifnull(dflt_value, '<none>'), "
                                "pk, hidden FROM pragma_table_xinfo(?, 'main')");
    query.bind(1, table);
    while (query.executeStep()) {
        std::string line;
        for (int i = 0; i < 6; ++i) {
            line += query.getColumn(i).getString() + '\x1f';
        }
        columns.push_back(std::move(line));
    }
    return columns;
}

std::string columnName(const std::string& line) {
    return line.substr(0, line.find('\x1f'));
}

std::vector<SchemaObject> objectsOf(SQLite::Database& db) {
    std::vector<SchemaObject> objects;
    SQLite::Statement query(db,
                            "SELECT type, name, tbl_name, ifnull(sql, '') FROM main.sqlite_schema "
                            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    while (query.executeStep()) {
        objects.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(3).getString()});
    }
    return objects;
}

struct ExpectedSchema {
    std::vector<SchemaObject> objects;
    std::map<std::string, std::vector<std::string>> columns; // per table
};

ExpectedSchema buildExpected(int version) {
    if (version < 1 || version > latestSchemaVersion()) {
        throw std::logic_error("no Knotmap schema version " + std::to_string(version));
    }
    sql::SqliteConnection connection(
        std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE), ":memory:");
    migrate(connection, version);
    SQLite::Database& db = connection.database();
    ExpectedSchema expected;
    expected.objects = objectsOf(db);
    for (const SchemaObject& object : expected.objects) {
        if (object.type == "table") {
            expected.columns[object.name] = columnsOf(db, object.name);
        }
    }
    return expected;
}

const ExpectedSchema& expectedSchema(int version) {
    static std::mutex mutex;
    static std::map<int, std::unique_ptr<const ExpectedSchema>> built;
    const std::lock_guard lock(mutex);
    auto& slot = built[version];
    if (!slot) {
        slot = std::make_unique<const ExpectedSchema>(buildExpected(version));
    }
    return *slot;
}

// Names what changed in a table: a column by name when the columns differ,
// otherwise a constraint that PRAGMA table_xinfo does not show (CHECK,
// foreign key, UNIQUE, STRICT, WITHOUT ROWID).
std::string tableChange(const std::vector<std::string>& expected,
                        const std::vector<std::string>& found) {
    std::map<std::string, std::string> foundByName;
    for (const std::string& line : found) {
        foundByName[columnName(line)] = line;
    }
    std::map<std::string, std::string> expectedByName;
    for (const std::string& line : expected) {
        expectedByName[columnName(line)] = line;
        const auto match = foundByName.find(columnName(line));
        if (match == foundByName.end()) {
            return "column " + columnName(line) + " is missing";
        }
        if (match->second != line) {
            return "column " + columnName(line) +
                   " was changed (its type, NOT NULL, default or key)";
        }
    }
    for (const std::string& line : found) {
        if (!expectedByName.contains(columnName(line))) {
            return "extra column " + columnName(line);
        }
    }
    return "a CHECK, foreign key or other constraint was changed";
}

} // namespace

const std::vector<SchemaObject>& knotmapSchema(int version) {
    return expectedSchema(version).objects;
}

std::vector<SchemaDifference> compareWithKnotmapSchema(SQLite::Database& db, int version) {
    const ExpectedSchema& expected = expectedSchema(version);
    const std::vector<SchemaObject> found = objectsOf(db);
    std::map<std::string, const SchemaObject*> foundByName;
    for (const SchemaObject& object : found) {
        foundByName[object.name] = &object;
    }
    std::vector<SchemaDifference> differences;
    std::map<std::string, bool> known;
    for (const SchemaObject& object : expected.objects) {
        known[object.name] = true;
        const auto match = foundByName.find(object.name);
        if (match == foundByName.end() || match->second->type != object.type) {
            differences.push_back({object.type, object.name, object.tableName,
                                   object.type + " " + object.name + " is missing"});
            continue;
        }
        const SchemaObject& file = *match->second;
        if (file.sql == object.sql && file.tableName == object.tableName) {
            continue;
        }
        std::string problem = object.type + " " + object.name + " differs from Knotmap's schema";
        if (object.type == "table") {
            problem += " (" +
                       tableChange(expected.columns.at(object.name), columnsOf(db, object.name)) +
                       ")";
        }
        differences.push_back({object.type, object.name, object.tableName, problem});
    }
    for (const SchemaObject& object : found) {
        if (!known.contains(object.name)) {
            differences.push_back(
                {object.type, object.name, object.tableName,
                 "extra " + object.type + " " + object.name + " (not part of Knotmap's schema)"});
        }
    }
    return differences;
}

} // namespace knotmap
