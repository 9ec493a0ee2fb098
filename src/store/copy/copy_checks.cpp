#include "store/copy/copy_checks.h"

#include "store/copy/copy_plan.h"
#include "store/sql/statement.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace knotmap::copy {
namespace {

// The schema's own bookkeeping, not records: never copied. audit_actor
// names who writes to this file (db/sqlite/006), not to the other one. The
// practice tables (db/postgresql/007: who may see which client) are the
// server's alone; a file has no logins to give them to.
bool isBookkeeping(const std::string& table) {
    return table == "knotmap_schema_version" || table == "audit_actor" || table == "practice" ||
           table == "practitioner" || table == "client_access";
}

// Which running server, database and schema a connection writes to. The
// server's start time tells two servers on one port apart (one restarted
// elsewhere), and it is readable by any role, unlike data_directory.
std::string serverIdentity(sql::Connection& db) {
    sql::Statement query(db, "SELECT current_database(), current_schema(), "
                             "current_setting('port'), CAST(pg_postmaster_start_time() AS TEXT)");
    std::string identity;
    if (query.executeStep()) {
        for (int i = 0; i < query.getColumnCount(); ++i) {
            identity += query.getColumn(i).getString() + '\n';
        }
    }
    return identity;
}

std::vector<std::string> columnsOf(sql::Connection& db, const std::string& table) {
    sql::Statement query(db, "SELECT * FROM " + table + " WHERE 1 = 0");
    (void)query.executeStep();
    std::vector<std::string> names;
    for (int i = 0; i < query.getColumnCount(); ++i) {
        names.push_back(query.getColumnName(i));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

// A vocabulary's rows as text, in id order.
std::vector<std::string> vocabularyRows(sql::Connection& db, const std::string& table) {
    sql::Statement query(db, "SELECT id, code, name, builtin, hidden, sort_order FROM " + table +
                                 " ORDER BY id");
    std::vector<std::string> rows;
    while (query.executeStep()) {
        std::string row;
        for (int i = 0; i < query.getColumnCount(); ++i) {
            row += query.getColumn(i).getString() + '\x1f';
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

void refuseSameDatabase(Database& source, Database& destination) {
    bool same = false;
    if (!source.isServer() && !destination.isServer()) {
        std::error_code ignored;
        same = !source.path().empty() && !destination.path().empty() &&
               std::filesystem::equivalent(source.path(), destination.path(), ignored);
    } else if (source.isServer() && destination.isServer()) {
        same = serverIdentity(source.sql()) == serverIdentity(destination.sql());
    }
    if (same) {
        throw CopyRefused(destination.describe() + " is the source database itself; copy into a "
                                                   "new file or an empty database");
    }
}

void requireCopyableSchema(Database& database) {
    std::set<std::string> expected;
    for (const CopyTable& table : copyPlan()) {
        expected.insert(table.name);
    }
    std::vector<std::string> unknown;
    std::set<std::string> present;
    for (const std::string& table : database.sql().tableNames()) {
        if (isBookkeeping(table)) {
            continue;
        }
        present.insert(table);
        if (expected.count(table) == 0) {
            unknown.push_back(table);
        }
    }
    if (!unknown.empty()) {
        throw CopyRefused(database.describe() + ": holds tables this Knotmap cannot copy (" +
                          joined(unknown) + ")");
    }
    for (const CopyTable& table : copyPlan()) {
        if (present.count(table.name) == 0) {
            throw CopyRefused(database.describe() + ": has no table " + table.name);
        }
        std::vector<std::string> wanted = allColumns(table);
        std::sort(wanted.begin(), wanted.end());
        const std::vector<std::string> actual = columnsOf(database.sql(), table.name);
        if (actual != wanted) {
            throw CopyRefused(database.describe() + ": table " + table.name + " has columns (" +
                              joined(actual) + "), this Knotmap copies (" + joined(wanted) + ")");
        }
    }
}

void requireEmptyDestination(Database& destination) {
    std::vector<std::string> withRecords;
    std::vector<std::string> changedVocabularies;
    std::unique_ptr<Database> seeded; // what a new database holds, made once when needed
    for (const CopyTable& table : copyPlan()) {
        if (!isVocabulary(table.name)) {
            if (destination.sql()
                    .execAndGet("SELECT CASE WHEN EXISTS (SELECT 1 FROM " + table.name +
                                ") THEN 1 ELSE 0 END")
                    .getInt() != 0) {
                withRecords.push_back(table.name);
            }
            continue;
        }
        if (!seeded) {
            seeded = std::make_unique<Database>(Database::openInMemory());
        }
        if (vocabularyRows(destination.sql(), table.name) !=
            vocabularyRows(seeded->sql(), table.name)) {
            changedVocabularies.push_back(table.name);
        }
    }
    if (withRecords.empty() && changedVocabularies.empty()) {
        return;
    }
    std::string found;
    if (!withRecords.empty()) {
        const std::size_t listed = std::min<std::size_t>(withRecords.size(), 3);
        found = "rows in " + joined({withRecords.begin(), withRecords.begin() + listed});
        if (withRecords.size() > listed) {
            found += " and " + std::to_string(withRecords.size() - listed) + " more tables";
        }
    }
    if (!changedVocabularies.empty()) {
        found += std::string(found.empty() ? "" : "; ") +
                 "vocabulary entries added or changed in " + joined(changedVocabularies);
    }
    throw CopyRefused(destination.describe() +
                      " already holds records; copy only into a new file or an empty database (" +
                      found + ")");
}

} // namespace knotmap::copy
