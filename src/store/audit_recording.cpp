#include "store/audit_recording.h"

#include "store/sql/statement.h"
#include "store/write_transaction.h"

namespace knotmap {

void recordAuditActor(sql::Connection& db, const std::string& login) {
    if (db.dialect() != sql::Dialect::SQLite) {
        return;
    }
    const auto current = [&] {
        sql::Statement query(db, "SELECT person FROM audit_actor");
        return query.executeStep() ? query.getColumn(0).getString() : std::string();
    };
    if (current() == login) {
        return;
    }
    WriteTransaction transaction(db);
    sql::Statement update(db, "UPDATE audit_actor SET person = ?");
    update.bind(1, login);
    update.exec();
    transaction.commit();
}

void pauseAuditRecording(sql::Connection& db) {
    if (db.dialect() == sql::Dialect::SQLite) {
        db.exec("UPDATE audit_actor SET recording = 0");
    } else {
        db.exec("SET LOCAL knotmap.copying = 'on'");
    }
}

void resumeAuditRecording(sql::Connection& db) {
    if (db.dialect() == sql::Dialect::SQLite) {
        db.exec("UPDATE audit_actor SET recording = 1");
    } else {
        db.exec("RESET knotmap.copying");
    }
}

} // namespace knotmap
