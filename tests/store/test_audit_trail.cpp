// The audit trail (db/sqlite/006_audit_trail.sql, db/postgresql/007): every
// insert, update and delete of a record, whoever writes it, with the whole
// row before and after; append-only; and the row versions it goes with.
#include "core/local_user.h"
#include "store/copy/database_copy.h"
#include "store/sql/statement.h"
#include "store/visit_amendments.h"
#include "support/test_database.h"
#include "visit_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotmap {
namespace {

using nlohmann::json;

struct Event {
    std::string person;
    std::string table;
    Id rowId = 0;
    std::string action;
    std::optional<Id> clientId;
    json before; // null for an insert
    json after;  // null for a delete
};

json parsed(const sql::Column& value) {
    return value.isNull() ? json() : json::parse(value.getString());
}

Id lastEventId(sql::Connection& db) {
    return db.execAndGet("SELECT coalesce(max(id), 0) FROM audit_event").getInt64();
}

// The events written after event `after`, in order.
std::vector<Event> eventsSince(sql::Connection& db, Id after) {
    sql::Statement query(db, "SELECT person, table_name, row_id, action, client_id, before, after "
                             "FROM audit_event WHERE id > ? ORDER BY id");
    query.bind(1, static_cast<long long>(after));
    std::vector<Event> events;
    while (query.executeStep()) {
        Event event;
        event.person = query.getColumn(0).getString();
        event.table = query.getColumn(1).getString();
        event.rowId = query.getColumn(2).getInt64();
        event.action = query.getColumn(3).getString();
        if (!query.getColumn(4).isNull()) {
            event.clientId = query.getColumn(4).getInt64();
        }
        event.before = parsed(query.getColumn(5));
        event.after = parsed(query.getColumn(6));
        events.push_back(std::move(event));
    }
    return events;
}

// "table action row_id" for each event: the sequence a change wrote.
std::vector<std::string> summary(const std::vector<Event>& events) {
    std::vector<std::string> lines;
    for (const Event& event : events) {
        lines.push_back(event.table + " " + event.action + " " + std::to_string(event.rowId));
    }
    return lines;
}

std::string line(const std::string& table, const std::string& action, Id rowId) {
    return table + " " + action + " " + std::to_string(rowId);
}

// Who the trail names: on a file the local login the app set on opening it,
// on the server the login connected.
std::string expectedPerson(sql::Connection& db) {
    if (db.dialect() == sql::Dialect::SQLite) {
        return localUserLogin();
    }
    return db.execAndGet("SELECT CAST(current_user AS TEXT)").getString();
}

int versionOf(sql::Connection& db, const std::string& table, Id id) {
    sql::Statement query(db, "SELECT version FROM " + table + " WHERE id = ?");
    query.bind(1, static_cast<long long>(id));
    REQUIRE(query.executeStep());
    return query.getColumn(0).getInt();
}

struct Visit {
    Session session;
    Knot knot;
    Observation observation;
    Treatment treatment;
};

Visit addVisit(testing::VisitFixture& f) {
    Visit visit;
    visit.session.clientId = f.client.id;
    visit.session.startedAt = testing::morning();
    visit.session.kind = SessionKind::TherapyVisit;
    visit.session.triggerCodes = {"posture"};
    SessionRepository(f.db).add(visit.session);
    visit.knot.clientId = f.client.id;
    visit.knot.view = BodyView::Back;
    visit.knot.position = {0.5, 0.25};
    visit.knot.regionCode = "back.upper_trapezius.left";
    KnotRepository(f.db).add(visit.knot);
    visit.observation.sessionId = visit.session.id;
    visit.observation.knotId = visit.knot.id;
    visit.observation.pain = 7;
    visit.observation.symptomCodes = {"stiffness"};
    visit.observation.referredRegionCodes = {"back.levator_scapulae.left"};
    ObservationRepository(f.db).add(visit.observation);
    visit.treatment.sessionId = visit.session.id;
    visit.treatment.kindCode = "massage_trigger_point";
    visit.treatment.minutes = 10;
    TreatmentRepository(f.db).add(visit.treatment);
    return visit;
}

} // namespace

TEST_CASE("audit trail: adding records writes one insert event each, naming the client") {
    testing::VisitFixture f;
    const std::vector<Event> clientEvents = eventsSince(f.db, 0);
    REQUIRE(!clientEvents.empty());
    const Event& added = clientEvents.back();
    CHECK(added.table == "client");
    CHECK(added.action == "insert");
    CHECK(added.rowId == f.client.id);
    CHECK(added.clientId == f.client.id);
    CHECK(added.person == expectedPerson(f.db));
    CHECK(added.before.is_null());
    CHECK(added.after["name"] == "Sam Rivera");
    CHECK(added.after["version"] == 1);
    CHECK(added.after["birth_year"].is_null());

    const Id mark = lastEventId(f.db);
    const Visit visit = addVisit(f);
    const std::vector<Event> events = eventsSince(f.db, mark);
    CHECK(summary(events) == std::vector<std::string>{
                                 line("session", "insert", visit.session.id),
                                 line("session_trigger", "insert", visit.session.id),
                                 line("knot", "insert", visit.knot.id),
                                 line("observation", "insert", visit.observation.id),
                                 line("observation_symptom", "insert", visit.observation.id),
                                 line("observation_referral", "insert", visit.observation.id),
                                 line("treatment", "insert", visit.treatment.id),
                             });
    for (const Event& event : events) {
        CHECK(event.clientId == f.client.id);
        CHECK(event.person == expectedPerson(f.db));
    }
    // Whole rows, numbers as numbers, in the table's column order.
    CHECK(events[2].after["x"] == 0.5);
    CHECK(events[2].after["y"] == 0.25);
    CHECK(events[3].after["pain"] == 7);
    CHECK(events[3].after["kind"] == "active_trigger_point");
    CHECK(events[4].after["symptom_id"].is_number_integer());
    CHECK(events[5].after["region_code"] == "back.levator_scapulae.left");
    CHECK(events[6].after["knot_id"].is_null());
    CHECK(events[6].after["minutes"] == 10);
    // nlohmann sorts keys when it parses; the text itself keeps table order.
    const std::string text =
        f.db.execAndGet("SELECT after FROM audit_event WHERE table_name = 'observation' "
                        "ORDER BY id DESC LIMIT 1")
            .getString();
    CHECK(text.find("\"id\":") < text.find("\"session_id\":"));
    CHECK(text.find("\"notes\":") < text.find("\"version\":"));
}

TEST_CASE("audit trail: an update records the row before and after and raises the version") {
    testing::VisitFixture f;
    Visit visit = addVisit(f);
    CHECK(versionOf(f.db, "observation", visit.observation.id) == 1);

    Id mark = lastEventId(f.db);
    Observation changed = *ObservationRepository(f.db).get(visit.observation.id);
    changed.pain = 4;
    changed.notes = "eased";
    (void)ObservationRepository(f.db).update(changed);
    std::vector<Event> events = eventsSince(f.db, mark);
    // The repository rewrites the lists: removed and added again.
    REQUIRE(!events.empty());
    const Event& update = events.front();
    CHECK(update.table == "observation");
    CHECK(update.action == "update");
    CHECK(update.rowId == visit.observation.id);
    CHECK(update.clientId == f.client.id);
    CHECK(update.before["pain"] == 7);
    CHECK(update.before["notes"] == "");
    CHECK(update.before["version"] == 1);
    CHECK(update.after["pain"] == 4);
    CHECK(update.after["notes"] == "eased");
    CHECK(update.after["version"] == 2);
    CHECK(versionOf(f.db, "observation", visit.observation.id) == 2);

    // A raw UPDATE that does not set the version still raises it, and is
    // recorded with the version it leaves.
    mark = lastEventId(f.db);
    f.db.exec("UPDATE knot SET label = 'left shoulder' WHERE id = " +
              std::to_string(visit.knot.id));
    events = eventsSince(f.db, mark);
    REQUIRE(summary(events) == std::vector<std::string>{line("knot", "update", visit.knot.id)});
    CHECK(events[0].before["label"] == "");
    CHECK(events[0].after["label"] == "left shoulder");
    CHECK(events[0].after["version"] == 2);
    CHECK(versionOf(f.db, "knot", visit.knot.id) == 2);

    // Writing the values a row already holds changes nothing: no event, no
    // new version. Nor does a change of the version alone.
    mark = lastEventId(f.db);
    f.db.exec("UPDATE knot SET label = label, status = status WHERE id = " +
              std::to_string(visit.knot.id));
    f.db.exec("UPDATE client SET name = name");
    CHECK(eventsSince(f.db, mark).empty());
    CHECK(versionOf(f.db, "knot", visit.knot.id) == 2);
    f.db.exec("UPDATE knot SET version = version + 1 WHERE id = " + std::to_string(visit.knot.id));
    CHECK(eventsSince(f.db, mark).empty());
    CHECK(versionOf(f.db, "knot", visit.knot.id) == 3);
    if (f.db.dialect() == sql::Dialect::SQLite) {
        // A file takes any version written alone (`knotmap copy` restores
        // the source's); the server's 007 keeps a version moved other than
        // by one.
        f.db.exec("UPDATE knot SET version = 7 WHERE id = " + std::to_string(visit.knot.id));
        CHECK(eventsSince(f.db, mark).empty());
        CHECK(versionOf(f.db, "knot", visit.knot.id) == 7);
    }
}

TEST_CASE("audit trail: deletes keep the whole row, and deleting a client names it throughout") {
    testing::VisitFixture f;
    const Visit visit = addVisit(f);

    Id mark = lastEventId(f.db);
    TreatmentRepository(f.db).remove(visit.treatment.id);
    std::vector<Event> events = eventsSince(f.db, mark);
    REQUIRE(summary(events) ==
            std::vector<std::string>{line("treatment", "delete", visit.treatment.id)});
    CHECK(events[0].clientId == f.client.id);
    CHECK(events[0].before["minutes"] == 10);
    CHECK(events[0].after.is_null());

    // The cascade reaches ratings, lists and sessions after their parents
    // are gone; every event still names the client, and the trail outlives it.
    mark = lastEventId(f.db);
    ClientRepository(f.db).remove(f.client.id);
    events = eventsSince(f.db, mark);
    // client, session, trigger, knot, rating, symptom, referral: SQLite
    // writes the children's first, PostgreSQL the parents'.
    std::vector<std::string> deleted = summary(events);
    std::sort(deleted.begin(), deleted.end());
    CHECK(deleted == std::vector<std::string>{
                         line("client", "delete", f.client.id),
                         line("knot", "delete", visit.knot.id),
                         line("observation", "delete", visit.observation.id),
                         line("observation_referral", "delete", visit.observation.id),
                         line("observation_symptom", "delete", visit.observation.id),
                         line("session", "delete", visit.session.id),
                         line("session_trigger", "delete", visit.session.id),
                     });
    for (const Event& event : events) {
        CHECK(event.action == "delete");
        CHECK(event.clientId == f.client.id);
        CHECK(event.after.is_null());
    }
    CHECK(f.db.execAndGet("SELECT count(*) FROM audit_event WHERE client_id = " +
                          std::to_string(f.client.id))
              .getInt() >= 14);
}

TEST_CASE("audit trail: an amendment of a signed rating records the amendment and the change") {
    testing::VisitFixture f;
    const Visit visit = addVisit(f);
    f.sign(visit.session.id);
    CHECK(versionOf(f.db, "session", visit.session.id) == 2);

    const Id mark = lastEventId(f.db);
    RecordAmendment amendment;
    amendment.record = AmendedRecord::Rating;
    amendment.recordId = visit.observation.id;
    amendment.field = "pain";
    amendment.originalValue = "7";
    amendment.newValue = "5";
    amendment.author = "Dana Lee";
    amendment.amendedUtc = 1773490000;
    amendment.reason = "misheard";
    amendRecord(f.db, amendment);
    std::vector<Event> events = eventsSince(f.db, mark);
    REQUIRE(events.size() == 2);
    // SQLite records the amendment before its application, PostgreSQL after.
    if (events[0].table == "observation") {
        std::swap(events[0], events[1]);
    }
    CHECK(summary(events) ==
          std::vector<std::string>{line("observation_amendment", "insert", amendment.id),
                                   line("observation", "update", visit.observation.id)});
    CHECK(events[0].clientId == f.client.id);
    CHECK(events[0].after["new_value"] == "5");
    CHECK(events[1].clientId == f.client.id);
    CHECK(events[1].before["pain"] == 7);
    CHECK(events[1].after["pain"] == 5);
    CHECK(events[1].after["version"] == 2);
    CHECK(versionOf(f.db, "observation", visit.observation.id) == 2);
    // The signed visit's row takes a version change and nothing else.
    f.db.exec("UPDATE session SET version = version + 1 WHERE id = " +
              std::to_string(visit.session.id));
    CHECK(versionOf(f.db, "session", visit.session.id) == 3);
    CHECK_THROWS(f.db.exec("UPDATE session SET signer = 'someone' WHERE id = " +
                           std::to_string(visit.session.id)));
}

TEST_CASE("audit trail: events cannot be changed or deleted") {
    testing::VisitFixture f;
    REQUIRE(lastEventId(f.db) > 0);
    const auto refused = [&](const std::string& statement) {
        try {
            f.db.exec(statement);
        } catch (const sql::Error& error) {
            CHECK(std::string(error.what())
                      .find("audit_event: the audit trail cannot be changed or deleted") !=
                  std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(refused("UPDATE audit_event SET person = 'someone else'"));
    CHECK(refused("DELETE FROM audit_event"));
    CHECK(refused("DELETE FROM audit_event WHERE id = 1"));
}

TEST_CASE("audit trail: a copy keeps the trail as it is and records nothing of its own") {
    if (testing::testingOnServer()) {
        return; // file to file; copies to and from the server: test_database_copy.cpp
    }
    testing::VisitFixture f;
    const Visit visit = addVisit(f);
    f.sign(visit.session.id);
    RecordAmendment amendment;
    amendment.record = AmendedRecord::Rating;
    amendment.recordId = visit.observation.id;
    amendment.field = "pain";
    amendment.originalValue = "7";
    amendment.newValue = "6";
    amendment.author = "Dana Lee";
    amendment.amendedUtc = 1773490000;
    amendment.reason = "misheard";
    amendRecord(f.db, amendment);

    const auto trail = [](sql::Connection& db) {
        std::vector<std::string> rows;
        sql::Statement query(db, "SELECT id, at_utc, person, table_name, row_id, action, "
                                 "client_id, before, after FROM audit_event ORDER BY id");
        while (query.executeStep()) {
            std::string row;
            for (int i = 0; i < query.getColumnCount(); ++i) {
                row +=
                    (query.getColumn(i).isNull() ? "NULL" : query.getColumn(i).getString()) + "|";
            }
            rows.push_back(row);
        }
        return rows;
    };
    const auto versions = [](sql::Connection& db) {
        std::string all;
        for (const char* table : {"client", "session", "knot", "observation", "treatment"}) {
            sql::Statement query(db,
                                 std::string("SELECT id, version FROM ") + table + " ORDER BY id");
            while (query.executeStep()) {
                all += std::string(table) + query.getColumn(0).getString() + "=" +
                       query.getColumn(1).getString() + " ";
            }
        }
        return all;
    };

    Database copy = testing::openTestDatabase(f.folder.file("copy.db"));
    (void)copyDatabase(f.database, copy);
    CHECK(trail(copy.sql()) == trail(f.db));
    CHECK(versions(copy.sql()) == versions(f.db));
    const std::string signer = "SELECT coalesce(signer, 'NULL') FROM session";
    CHECK(copy.sql().execAndGet(signer).getString() == f.db.execAndGet(signer).getString());
    CHECK(copy.sql().execAndGet("SELECT recording FROM audit_actor").getInt() == 1);
}

} // namespace knotmap
