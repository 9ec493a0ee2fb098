#include "store/postgres_server/server_checks.h"

#include "store/sql/statement.h"

namespace knotmap {
namespace {

void addFindings(sql::Connection& db, const std::string& query, std::string& findings) {
    sql::Statement rows(db, query);
    while (rows.executeStep()) {
        if (!findings.empty()) {
            findings += '\n';
        }
        findings += rows.getColumn(0).getString();
    }
}

} // namespace

void addServerChecks(Database& database, DatabaseInfo& info) {
    sql::Connection& db = database.sql();
    info.serverVersion = db.execAndGet("SHOW server_version").getString();
    info.checksName = "constraints, triggers and indexes valid";
    std::string findings;
    addFindings(db,
                "SELECT 'constraint ' || c.conname || ' on ' || r.relname || ' is not validated' "
                "FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
                "JOIN pg_namespace n ON n.oid = r.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1",
                findings);
    addFindings(db,
                "SELECT 'trigger ' || t.tgname || ' on ' || r.relname || ' is disabled' "
                "FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = r.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT t.tgisinternal "
                "AND t.tgenabled = 'D' ORDER BY 1",
                findings);
    addFindings(db,
                "SELECT 'index ' || c.relname || ' is not valid' FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready) "
                "ORDER BY 1",
                findings);
    const bool amcheck =
        db.execAndGet("SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'").getInt() > 0;
    if (amcheck) {
        info.checksName += ", amcheck of every B-tree index";
        // bt_index_check raises an error on the first damaged index.
        try {
            (void)db.execAndGet("SELECT count(bt_index_check(c.oid)) FROM pg_index i "
                                "JOIN pg_class c ON c.oid = i.indexrelid "
                                "JOIN pg_am a ON a.oid = c.relam "
                                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE n.nspname = current_schema() AND a.amname = 'btree'");
        } catch (const sql::Error& error) {
            findings += (findings.empty() ? "" : "\n") + std::string(error.what());
        }
    }
    info.integrityCheck = findings.empty() ? "ok" : findings;
}

} // namespace knotmap
