#pragma once

#include "store/sql/statement.h"

#include <algorithm>
#include <string>
#include <vector>

namespace knotmap::testing {

// Every row of every table, as text: two dumps are equal exactly when the
// records are (ids included). Left out is what records that a change
// happened, which an undo adds to rather than takes back: the audit trail
// and who writes it (db/sqlite/006), and the row versions.
inline std::string dumpAllTables(sql::Connection& db) {
    std::vector<std::string> tables = db.tableNames();
    std::sort(tables.begin(), tables.end());
    std::string dump;
    for (const std::string& table : tables) {
        if (table == "audit_event" || table == "audit_actor") {
            continue;
        }
        // Rows sorted as text, so the dump does not depend on a backend's
        // order or on how many columns a table has.
        sql::Statement rows(db, "SELECT * FROM \"" + table + "\"");
        std::vector<std::string> lines;
        while (rows.executeStep()) {
            std::string line;
            for (int column = 0; column < rows.getColumnCount(); ++column) {
                if (rows.getColumnName(column) == std::string("version")) {
                    continue;
                }
                const sql::Column value = rows.getColumn(column);
                line += value.isNull() ? std::string("NULL") : value.getString();
                line += '|';
            }
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        dump += "[" + table + "]\n";
        for (const std::string& line : lines) {
            dump += line + '\n';
        }
    }
    return dump;
}

} // namespace knotmap::testing
