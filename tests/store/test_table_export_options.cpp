#include "core/timestamp.h"
#include "store/database.h"
#include "store/table_export.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace knotmap;

namespace {

std::int64_t utcOf(const CivilDateTime& local, int offsetMinutes) {
    return secondsFromCivil(local) - offsetMinutes * 60;
}

// Two clients; sessions placed so that UTC and local dates differ:
//   1: Ana, 2026-03-09 23:30 at +01:00 (UTC 22:30 the same day)
//   2: Ana, 2026-03-10 23:00 at -05:00 (UTC 2026-03-11 04:00)
//   3: Ben, 2026-03-11 01:00 at +10:00 (UTC 2026-03-10 15:00)
//   4: Ben, 2026-03-12 08:00 at +00:00
// Each session has one observation of its client's knot and one treatment.
Database sampleDatabase() {
    Database database = testing::openTestDatabase();
    auto& sql = database.sql();
    sql.exec("INSERT INTO client (id, name, notes, created_utc) VALUES "
             "(1, 'Ana', '=1+1', 0), (2, 'Ben', '', 0)");
    sql.exec("INSERT INTO knot (id, client_id, view, x, y, region_code, label) VALUES "
             "(1, 1, 'back', 0.25, 0.5, 'back.upper_trapezius.left', '@neck'), "
             "(2, 2, 'front', 0.75, 0.5, 'front.pectoralis.right', 'chest')");
    struct SessionRow {
        int id, client;
        CivilDateTime local;
        int offset;
    };
    const std::vector<SessionRow> sessions{{1, 1, {2026, 3, 9, 23, 30, 0}, 60},
                                           {2, 1, {2026, 3, 10, 23, 0, 0}, -300},
                                           {3, 2, {2026, 3, 11, 1, 0, 0}, 600},
                                           {4, 2, {2026, 3, 12, 8, 0, 0}, 0}};
    for (const SessionRow& session : sessions) {
        sql.exec("INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind, stress) "
                 "VALUES (" +
                 std::to_string(session.id) + ", " + std::to_string(session.client) + ", " +
                 std::to_string(utcOf(session.local, session.offset)) + ", " +
                 std::to_string(session.offset) + ", 'self_checkin', 3)");
        sql.exec("INSERT INTO observation (session_id, knot_id, pain, kind, notes) VALUES (" +
                 std::to_string(session.id) + ", " + std::to_string(session.client) +
                 ", 4, 'tension', '-2 after stretching')");
        sql.exec("INSERT INTO treatment (session_id, knot_id, kind_id, minutes) VALUES (" +
                 std::to_string(session.id) + ", " + std::to_string(session.client) +
                 ", (SELECT min(id) FROM treatment_kind), 10)");
    }
    return database;
}

std::string exportText(Database& database, ExportTable table, const ExportOptions& options) {
    std::ostringstream out;
    exportTableCsv(database, table, out, options);
    return out.str();
}

// The session ids of a session-based export (its third column), in order.
std::vector<std::string> sessionIds(Database& database, ExportTable table,
                                    const ExportOptions& options) {
    std::istringstream in(exportText(database, table, options));
    std::vector<std::string> ids;
    std::string line;
    std::getline(in, line); // the header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string field;
        for (int column = 0; column < 3; ++column) {
            std::getline(fields, field, ',');
        }
        ids.push_back(field);
    }
    return ids;
}

std::int64_t rowsOf(Database& database, ExportTable table, const ExportOptions& options) {
    std::ostringstream out;
    return exportTableCsv(database, table, out, options);
}

std::int64_t day(int year, int month, int dayOfMonth) {
    return daysFromCivil(year, month, dayOfMonth);
}

} // namespace

TEST_CASE("export options: dates select sessions by their local date, both ends included") {
    Database database = sampleDatabase();
    const std::vector<std::string> onlyTwo{"2"};
    const std::vector<std::string> twoAndThree{"2", "3"};
    ExportOptions tenth;
    tenth.fromDay = day(2026, 3, 10);
    tenth.toDay = day(2026, 3, 10);
    for (ExportTable table :
         {ExportTable::Observations, ExportTable::Sessions, ExportTable::Treatments}) {
        CAPTURE(exportTableName(table));
        // Session 3 is on the 10th in UTC but the 11th where it happened.
        CHECK(sessionIds(database, table, tenth) == onlyTwo);
        ExportOptions range = tenth;
        range.toDay = day(2026, 3, 11);
        CHECK(sessionIds(database, table, range) == twoAndThree);
    }
}

TEST_CASE("export options: one open end of the date range") {
    Database database = sampleDatabase();
    ExportOptions from;
    from.fromDay = day(2026, 3, 11);
    CHECK(sessionIds(database, ExportTable::Sessions, from) == std::vector<std::string>{"3", "4"});
    ExportOptions to;
    to.toDay = day(2026, 3, 9);
    CHECK(sessionIds(database, ExportTable::Sessions, to) == std::vector<std::string>{"1"});
}

TEST_CASE("export options: a client restricts every table") {
    Database database = sampleDatabase();
    ExportOptions ben;
    ben.clientId = 2;
    CHECK(sessionIds(database, ExportTable::Observations, ben) ==
          std::vector<std::string>{"3", "4"});
    CHECK(rowsOf(database, ExportTable::Sessions, ben) == 2);
    CHECK(rowsOf(database, ExportTable::Treatments, ben) == 2);
    CHECK(rowsOf(database, ExportTable::Knots, ben) == 1);
    CHECK(rowsOf(database, ExportTable::Clients, ben) == 1);
    CHECK(exportText(database, ExportTable::Clients, ben).find("Ana") == std::string::npos);
    // A client and dates together: Ben's sessions on the 12th only.
    ben.fromDay = day(2026, 3, 12);
    CHECK(sessionIds(database, ExportTable::Treatments, ben) == std::vector<std::string>{"4"});
}

TEST_CASE("export options: knots and clients are not filtered by date") {
    Database database = sampleDatabase();
    ExportOptions options;
    options.fromDay = day(2030, 1, 1);
    CHECK(rowsOf(database, ExportTable::Observations, options) == 0);
    CHECK(rowsOf(database, ExportTable::Knots, options) == 2);
    CHECK(rowsOf(database, ExportTable::Clients, options) == 2);
    // First and last seen still come from all of the knot's sessions.
    CHECK(exportText(database, ExportTable::Knots, options).find("2026-03-09T23:30:00+01:00") !=
          std::string::npos);
}

TEST_CASE("export options: text cells that start a formula are neutralised unless turned off") {
    Database database = sampleDatabase();
    ExportOptions options;
    const std::string clients = exportText(database, ExportTable::Clients, options);
    CHECK(clients.find("1,Ana,,'=1+1,0\r\n") != std::string::npos);
    const std::string observations = exportText(database, ExportTable::Observations, options);
    CHECK(observations.find(",'@neck,") != std::string::npos);
    CHECK(observations.find(",'-2 after stretching\r\n") != std::string::npos);
    CHECK(exportText(database, ExportTable::Knots, options).find(",'@neck,") != std::string::npos);

    options.neutralise = false;
    CHECK(exportText(database, ExportTable::Clients, options).find("1,Ana,,=1+1,0\r\n") !=
          std::string::npos);
    CHECK(
        exportText(database, ExportTable::Observations, options).find(",-2 after stretching\r\n") !=
        std::string::npos);
}

TEST_CASE("export options: numbers, times and codes are never neutralised") {
    Database database = sampleDatabase();
    ExportOptions options;
    // A negative offset starts no cell; the times keep their sign in place.
    const std::string sessions = exportText(database, ExportTable::Sessions, options);
    CHECK(sessions.find(",2026-03-10T23:00:00-05:00,self_checkin,,3,,") != std::string::npos);
    CHECK(sessions.find('\'') == std::string::npos);
}

TEST_CASE("export options: the byte order mark comes first only when asked for") {
    Database database = sampleDatabase();
    ExportOptions options;
    CHECK(exportText(database, ExportTable::Clients, options).rfind("client_id,", 0) == 0);
    options.bom = true;
    CHECK(exportText(database, ExportTable::Clients, options)
              .rfind("\xEF\xBB\xBF"
                     "client_id,",
                     0) == 0);
    CHECK(rowsOf(database, ExportTable::Clients, options) == 2);
}
