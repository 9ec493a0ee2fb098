#include "store/sqlite_file/constraint_check.h"

#include "store/sqlite_file/schema_check.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sqlite3.h>

namespace knotmap {
namespace {

constexpr const char* kCopy = "knotmap_constraint_copy";

std::string quoted(const std::string& name) {
    std::string result = "\"";
    for (const char c : name) {
        result += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return result + "\"";
}

std::string badTable(const std::string& table) {
    return quoted("knotmap_bad_" + table);
}

std::string joined(const std::vector<std::string>& names, const std::string& prefix = "") {
    std::string result;
    for (const std::string& name : names) {
        result += (result.empty() ? "" : ", ") + prefix + quoted(name);
    }
    return result;
}

// Knotmap's CREATE TABLE for table, creating the TEMP copy instead.
std::string copyDefinition(const std::string& sql, const std::string& table) {
    const std::string head = "CREATE TABLE ";
    std::size_t nameEnd = head.size();
    if (sql.compare(0, head.size(), head) != 0) {
        throw std::logic_error("unexpected definition of table " + table);
    }
    if (sql[nameEnd] == '"') {
        nameEnd = sql.find('"', nameEnd + 1) + 1;
    } else {
        nameEnd = sql.find_first_of(" (\n\t", nameEnd);
    }
    return "CREATE TEMP TABLE " + std::string(kCopy) + sql.substr(nameEnd);
}

std::vector<std::string> columnNames(SQLite::Database& db, const std::string& table,
                                     const char* schema) {
    std::vector<std::string> names;
    SQLite::Statement query(db, "SELECT name FROM pragma_table_xinfo(?, ?) WHERE hidden = 0");
    query.bind(1, table);
    query.bind(2, schema);
    while (query.executeStep()) {
        names.push_back(query.getColumn(0).getString());
    }
    return names;
}

// The columns naming a row: the rowid (under its alias, usually id), or the
// primary key of a WITHOUT ROWID table.
std::vector<std::string> keyColumns(SQLite::Database& db) {
    const bool withoutRowid =
        db.execAndGet("SELECT wr FROM pragma_table_list WHERE schema = 'temp' AND name = '" +
                      std::string(kCopy) + "'")
            .getInt() != 0;
    std::vector<std::pair<int, std::string>> primary;
    SQLite::Statement query(db, "SELECT pk, name, upper(type) FROM pragma_table_xinfo(?, 'temp') "
                                "WHERE pk > 0 ORDER BY pk");
    query.bind(1, kCopy);
    std::string firstType;
    while (query.executeStep()) {
        primary.emplace_back(query.getColumn(0).getInt(), query.getColumn(1).getString());
        firstType = query.getColumn(2).getString();
    }
    if (withoutRowid) {
        std::vector<std::string> names;
        for (const auto& column : primary) {
            names.push_back(column.second);
        }
        return names;
    }
    if (primary.size() == 1 && firstType == "INTEGER") {
        return {primary.front().second};
    }
    return {"rowid"};
}

std::string keyText(const std::vector<std::string>& key, SQLite::Statement& row) {
    std::string text;
    for (std::size_t i = 0; i < key.size(); ++i) {
        text +=
            (i == 0 ? "" : ", ") + key[i] + " " + row.getColumn(static_cast<int>(i)).getString();
    }
    return text;
}

// SQLite's own reason for refusing one row, by trying it alone without OR IGNORE.
std::string reasonFor(SQLite::Database& db, const std::string& table,
                      const std::vector<std::string>& columns, const std::vector<std::string>& key,
                      SQLite::Statement& row) {
    std::string where;
    for (std::size_t i = 0; i < key.size(); ++i) {
        where += (i == 0 ? "" : " AND ") + quoted(key[i]) + " IS ?";
    }
    try {
        SQLite::Statement insert(db, "INSERT INTO temp." + std::string(kCopy) + " (" +
                                         joined(columns) + ") SELECT " + joined(columns) +
                                         " FROM main." + quoted(table) + " WHERE " + where);
        for (std::size_t i = 0; i < key.size(); ++i) {
            const SQLite::Column value = row.getColumn(static_cast<int>(i));
            if (value.isInteger()) {
                insert.bind(static_cast<int>(i) + 1, value.getInt64());
            } else {
                insert.bind(static_cast<int>(i) + 1, value.getString());
            }
        }
        insert.exec();
    } catch (const SQLite::Exception& error) {
        return error.what();
    }
    return "refused by a constraint";
}

// Rows pointing at a missing row, by PRAGMA foreign_key_check on the file.
// A table without rowid gets a NULL rowid from it: such rows are counted
// under the table without an id.
void addForeignKeyProblems(SQLite::Database& db, const std::string& table,
                           const std::vector<std::string>& key, ConstraintFindings& findings,
                           long long& found) {
    SQLite::Statement check(db, "PRAGMA main.foreign_key_check(" + quoted(table) + ")");
    const bool byRowid = key.size() == 1;
    while (check.executeStep()) {
        const std::string parent = check.getColumn(2).getString();
        if (byRowid && !check.getColumn(1).isNull()) {
            const std::int64_t rowid = check.getColumn(1).getInt64();
            SQLite::Statement add(db, "INSERT INTO temp." + badTable(table) +
                                          " SELECT ? WHERE NOT EXISTS "
                                          "(SELECT 1 FROM temp." +
                                          badTable(table) + " WHERE " + quoted(key.front()) +
                                          " = ?1)");
            add.bind(1, rowid);
            if (add.exec() == 0) {
                continue; // already listed for another reason
            }
            if (findings.rows.size() < kListedBadRows) {
                findings.rows.push_back({table, key.front() + " " + std::to_string(rowid),
                                         "FOREIGN KEY: refers to a missing " + parent + " row"});
            }
        } else if (findings.rows.size() < kListedBadRows) {
            findings.rows.push_back({table, "(a row without rowid)",
                                     "FOREIGN KEY: refers to a missing " + parent + " row"});
        }
        ++found;
    }
}

// Checks one table; returns how many bad rows it holds.
long long checkTable(SQLite::Database& db, const SchemaObject& definition,
                     ConstraintFindings& findings) {
    const std::string& table = definition.name;
    db.exec("DROP TABLE IF EXISTS temp." + std::string(kCopy));
    db.exec("DROP TABLE IF EXISTS temp." + badTable(table));
    db.exec(copyDefinition(definition.sql, table));
    const std::vector<std::string> columns = columnNames(db, kCopy, "temp");
    const std::vector<std::string> fileColumns = columnNames(db, table, "main");
    for (const std::string& column : columns) {
        if (std::find(fileColumns.begin(), fileColumns.end(), column) == fileColumns.end()) {
            findings.uncheckedTables.push_back(table);
            db.exec("DROP TABLE temp." + std::string(kCopy));
            return 0;
        }
    }
    const std::vector<std::string> key = keyColumns(db);
    const std::string keyList = joined(key);
    const bool copyRowid = key.size() == 1 && key.front() == "rowid";
    db.exec("INSERT OR IGNORE INTO temp." + std::string(kCopy) + " (" +
            (copyRowid ? "rowid, " : "") + joined(columns) + ") SELECT " +
            (copyRowid ? "rowid, " : "") + joined(columns) + " FROM main." + quoted(table));
    db.exec("CREATE TEMP TABLE " + badTable(table) + " AS SELECT " + keyList + " FROM main." +
            quoted(table) + " EXCEPT SELECT " + keyList + " FROM temp." + std::string(kCopy));
    long long found = 0;
    SQLite::Statement bad(db, "SELECT " + keyList + " FROM temp." + badTable(table) + " ORDER BY " +
                                  keyList);
    while (bad.executeStep()) {
        if (findings.rows.size() < kListedBadRows) {
            findings.rows.push_back(
                {table, keyText(key, bad), reasonFor(db, table, columns, key, bad)});
        }
        ++found;
    }
    addForeignKeyProblems(db, table, key, findings, found);
    db.exec("DROP TABLE temp." + std::string(kCopy));
    return found;
}

// Leaves the bad rows out of what this connection reads: a TEMP view is
// found before the main table of the same name.
void hideBadRows(SQLite::Database& db, const std::string& table) {
    std::vector<std::string> key;
    SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?, 'temp')");
    columns.bind(1, "knotmap_bad_" + table);
    while (columns.executeStep()) {
        key.push_back(columns.getColumn(0).getString());
    }
    const std::string keyList = "(" + joined(key) + ")";
    db.exec("CREATE TEMP VIEW " + quoted(table) + " AS SELECT * FROM main." + quoted(table) +
            " WHERE " + keyList + " NOT IN (SELECT " + joined(key) + " FROM temp." +
            badTable(table) + ")");
}

// Foreign key enforcement off while copying (the copy's REFERENCES name
// tables that only exist in main), restored however the check ends.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SQLite::Database& db)
        : m_db(db), m_was(db.execAndGet("PRAGMA foreign_keys").getInt()) {
        m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
        try {
            m_db.exec("PRAGMA foreign_keys = " + std::to_string(m_was));
        } catch (...) { // NOLINT(bugprone-empty-catch): nothing better to do in a destructor
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    SQLite::Database& m_db;
    int m_was;
};

// One read snapshot for the whole check: another program may write while it
// runs (a WAL reader sees one state), and a row committed between copying a
// table and comparing the copy with it would look refused. Only when the
// caller holds no transaction; within one, the caller's snapshot serves.
// Writing the TEMP copies takes no lock on the file.
class ReadSnapshot {
public:
    explicit ReadSnapshot(SQLite::Database& db)
        : m_db(db), m_owned(sqlite3_get_autocommit(db.getHandle()) != 0) {
        if (m_owned) {
            m_db.exec("BEGIN");
        }
    }
    ~ReadSnapshot() {
        if (m_owned && sqlite3_get_autocommit(m_db.getHandle()) == 0) {
            try {
                m_db.exec("COMMIT");
            } catch (...) { // NOLINT(bugprone-empty-catch): only TEMP tables were written
            }
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    SQLite::Database& m_db;
    bool m_owned;
};

} // namespace

ConstraintFindings findRowsBreakingConstraints(SQLite::Database& db, int version,
                                               std::vector<std::string> tables,
                                               BadRowHandling handling) {
    ConstraintFindings findings;
    const ForeignKeysOff foreignKeysOff(db); // before the snapshot: no PRAGMA in a transaction
    const ReadSnapshot snapshot(db);
    const std::set<std::string> wanted(tables.begin(), tables.end());
    std::set<std::string> present;
    {
        SQLite::Statement query(db, "SELECT name FROM main.sqlite_schema WHERE type = 'table'");
        while (query.executeStep()) {
            present.insert(query.getColumn(0).getString());
        }
    }
    for (const SchemaObject& object : knotmapSchema(version)) {
        if (object.type != "table" || (!wanted.empty() && !wanted.contains(object.name))) {
            continue;
        }
        if (!present.contains(object.name)) {
            findings.uncheckedTables.push_back(object.name);
            continue;
        }
        const long long found = checkTable(db, object, findings);
        findings.count += found;
        if (found > 0) {
            findings.tables.push_back(object.name);
            if (handling == BadRowHandling::Hide) {
                hideBadRows(db, object.name);
                continue;
            }
        }
        db.exec("DROP TABLE IF EXISTS temp." + badTable(object.name));
    }
    return findings;
}

std::string describe(const BadRow& row) {
    return row.table + " " + row.key + " (" + row.reason + ")";
}

} // namespace knotmap
