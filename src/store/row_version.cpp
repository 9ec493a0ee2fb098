#include "store/row_version.h"

#include "core/local_time_text.h"
#include "store/audit/audit_trail.h"
#include "store/sql/statement.h"
#include "store/store_error.h"

namespace knotmap {

std::string versionedUpdateTail(int readVersion) {
    return readVersion > 0
               ? ", version = version + 1 WHERE id = ? AND version = ? RETURNING version"
               : ", version = version + 1 WHERE id = ? RETURNING version";
}

int runVersionedUpdate(sql::Statement& update, sql::Connection& db, const char* table,
                       const char* noun, Id id) {
    if (update.executeStep()) {
        const int version = update.getColumn(0).getInt();
        while (update.executeStep()) { // completes the statement
        }
        db.noteWrittenVersion(table, id, version);
        return version;
    }
    sql::Statement exists(db, std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    exists.bind(1, static_cast<std::int64_t>(id));
    if (exists.executeStep()) {
        throwConflict(db, table, noun, id);
    }
    throw StoreError(std::string(noun) + " " + std::to_string(id) + " does not exist");
}

void noteRestoredRow(sql::Connection& db, const char* table, Id id) {
    db.noteWrittenVersion(table, id, 1);
}

void requireUnchangedSince(sql::Connection& db, const char* table, const char* noun, Id id,
                           int seen, int current) {
    if (seen == 0 || seen == current || db.wroteVersion(table, id, current)) {
        return;
    }
    throwConflict(db, table, noun, id);
}

void throwConflict(sql::Connection& db, const char* table, const char* noun, Id id) {
    AuditFilter filter;
    filter.tables = {table};
    filter.rowId = id;
    const std::vector<AuditEvent> events = readAuditTrail(db, filter);
    std::string who = "Someone else";
    std::string when;
    if (!events.empty()) {
        who = events.back().personName;
        when = " at " + localMinuteOnDayText(events.back().atUtc);
    }
    throw ConflictError(who + " changed this " + noun + when +
                        ", after you opened it; nothing of yours was saved over it");
}

} // namespace knotmap
