#include "store/audit/audit_trail.h"

#include "store/practice/practice.h"
#include "store/sql/statement.h"

namespace knotmap {

std::vector<AuditEvent> readAuditTrail(sql::Connection& db, const AuditFilter& filter) {
    // A practice names its logins; a file or a plain server has only logins.
    const bool named = isPractice(db);
    std::string sql = "SELECT e.id, e.at_utc, e.person, " +
                      std::string(named ? "coalesce(p.name, e.person)" : "e.person") +
                      ", e.table_name, e.row_id, e.action, e.client_id, c.name, e.before, e.after "
                      "FROM audit_event e LEFT JOIN client c ON c.id = e.client_id " +
                      (named ? "LEFT JOIN practitioner p ON p.login = e.person " : "") +
                      "WHERE 1 = 1";
    if (filter.clientId) {
        sql += " AND e.client_id = :client";
    }
    if (filter.fromUtc) {
        sql += " AND e.at_utc >= :from";
    }
    if (filter.toUtc) {
        sql += " AND e.at_utc < :to";
    }
    if (!filter.tables.empty()) {
        sql += " AND e.table_name IN (";
        for (std::size_t i = 0; i < filter.tables.size(); ++i) {
            sql += (i == 0 ? ":table" : ", :table") + std::to_string(i);
        }
        sql += ")";
    }
    if (filter.rowId) {
        sql += " AND e.row_id = :row";
    }
    sql += " ORDER BY e.id";
    sql::Statement query(db, sql, sql::Rows::Many);
    if (filter.clientId) {
        query.bind(":client", *filter.clientId);
    }
    if (filter.fromUtc) {
        query.bind(":from", *filter.fromUtc);
    }
    if (filter.toUtc) {
        query.bind(":to", *filter.toUtc);
    }
    for (std::size_t i = 0; i < filter.tables.size(); ++i) {
        query.bind((":table" + std::to_string(i)).c_str(), filter.tables[i]);
    }
    if (filter.rowId) {
        query.bind(":row", *filter.rowId);
    }
    std::vector<AuditEvent> events;
    while (query.executeStep()) {
        AuditEvent event;
        event.id = query.getColumn(0).getInt64();
        event.atUtc = query.getColumn(1).getInt64();
        event.person = query.getColumn(2).getString();
        event.personName = query.getColumn(3).getString();
        event.table = query.getColumn(4).getString();
        event.rowId = query.getColumn(5).getInt64();
        event.action = query.getColumn(6).getString();
        event.clientId = query.getColumn(7).optionalInt64();
        event.clientName = query.getColumn(8).optionalString().value_or("");
        event.before = query.getColumn(9).optionalString();
        event.after = query.getColumn(10).optionalString();
        events.push_back(std::move(event));
    }
    return events;
}

} // namespace knotmap
