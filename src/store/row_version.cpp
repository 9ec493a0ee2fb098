#include "store/row_version.h"

#include "store/audit/audit_trail.h"
#include "store/sql/statement.h"
#include "store/store_error.h"

#include <ctime>

namespace knotmap {
namespace {

std::string localMinute(std::int64_t utc) {
    const std::time_t when = static_cast<std::time_t>(utc);
    std::tm local{};
    localtime_r(&when, &local);
    char text[40];
    std::strftime(text, sizeof text, "%H:%M on %d %b %Y", &local);
    std::string shown = text;
    if (shown.compare(9, 1, "0") == 0) { // "14:02 on 03 Dec" reads "3 Dec"
        shown.erase(9, 1);
    }
    return shown;
}

} // namespace

std::string versionedUpdateTail(int readVersion) {
    return readVersion > 0 ? ", version = version + 1 WHERE id = ? AND version = ? RETURNING version"
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
        when = " at " + localMinute(events.back().atUtc);
    }
    throw ConflictError(who + " changed this " + noun + when +
                        ", after you opened it; nothing of yours was saved over it");
}

} // namespace knotmap
