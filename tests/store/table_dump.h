#pragma once

#include <SQLiteCpp/Database.h>
#include "store/sql/statement.h"
#include "store/sql/statement.h"

#include <string>

namespace knotmap::testing {

// Every row of every table, as text: two dumps are equal exactly when the
// database content is (ids included).
inline std::string dumpAllTables(sql::Connection& db) {
    sql::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                 "name NOT LIKE 'sqlite_%' ORDER BY name");
    std::string dump;
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        sql::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        dump += "[" + table + "]\n";
        while (rows.executeStep()) {
            for (int column = 0; column < rows.getColumnCount(); ++column) {
                const sql::Column value = rows.getColumn(column);
                dump += value.isNull() ? std::string("NULL") : value.getString();
                dump += '|';
            }
            dump += '\n';
        }
    }
    return dump;
}

} // namespace knotmap::testing
