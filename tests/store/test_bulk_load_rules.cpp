// A bulk load (`copy` and `import`: SQLite's reused INSERT, PostgreSQL's
// COPY) is held to every rule a single insert is. On PostgreSQL the rules are
// checked once per COPY instead of once per row (db/postgresql/006), so this
// runs each rule through a bulk load on both backends, and checks that the
// row-by-row checks are back once the load is over.
#include "store/knot_repository.h"
#include "store/sql/connection.h"
#include "store/sql/sql_error.h"
#include "store/sql/statement.h"
#include "visit_fixture.h"

#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

using namespace knotmap;
using knotmap::testing::VisitFixture;

namespace {

struct BulkFixture : VisitFixture {
    Session signedVisit = addFullVisit();
    Id signedRating = 0;
    Session openVisit;
    Id ownKnot = 0;     // rated in the signed visit
    Id unratedKnot = 0; // the client's too, rated nowhere
    Id otherClientsKnot = 0;

    BulkFixture() {
        signedRating = db.execAndGet("SELECT id FROM observation").getInt64();
        ownKnot = db.execAndGet("SELECT id FROM knot").getInt64();
        sign(signedVisit.id);

        openVisit.clientId = client.id;
        openVisit.startedAt = LocalTimestamp::fromLocal({2026, 3, 21, 9, 30, 0}, 60);
        openVisit.kind = SessionKind::TherapyVisit;
        SessionRepository(db).add(openVisit);

        Knot unrated;
        unrated.clientId = client.id;
        unrated.view = BodyView::Back;
        unrated.position = {0.6, 0.2};
        unrated.regionCode = "back.upper_trapezius.right";
        KnotRepository(db).add(unrated);
        unratedKnot = unrated.id;

        Client other;
        other.name = "Robin Hale";
        ClientRepository(db).add(other);
        Knot knot;
        knot.clientId = other.id;
        knot.view = BodyView::Front;
        knot.position = {0.5, 0.3};
        knot.regionCode = "front.deltoid.left";
        KnotRepository(db).add(knot);
        otherClientsKnot = knot.id;
    }

    // Loads the rows in one bulk load inside a transaction that is rolled
    // back; returns the database's message, or "" when it took the rows.
    std::string load(const std::string& table, const std::vector<std::string>& columns,
                     const std::vector<sql::BulkRow>& rows) {
        db.beginWrite();
        std::string message;
        try {
            auto bulk = db.bulkLoad(table, columns);
            for (const sql::BulkRow& row : rows) {
                bulk->add(row);
            }
            bulk->finish();
        } catch (const sql::Error& error) {
            message = error.what();
        }
        db.rollback();
        return message;
    }

    std::string id(Id value) const { return std::to_string(value); }
    std::string symptom(const std::string& code) {
        return std::to_string(
            db.execAndGet("SELECT id FROM symptom WHERE code = '" + code + "'").getInt64());
    }
    std::string treatmentKind(const std::string& code) {
        return std::to_string(
            db.execAndGet("SELECT id FROM treatment_kind WHERE code = '" + code + "'").getInt64());
    }
};

const std::vector<std::string> kObservationColumns{"session_id", "knot_id", "pain", "kind",
                                                   "notes"};
const std::vector<std::string> kTreatmentColumns{"session_id", "knot_id", "kind_id", "medication",
                                                 "notes"};

} // namespace

TEST_CASE("bulk load: rows into an open visit are taken, many at once") {
    BulkFixture f;
    f.db.beginWrite();
    auto observations = f.db.bulkLoad("observation", kObservationColumns);
    observations->add({f.id(f.openVisit.id), f.id(f.ownKnot), "4", "tension", "tight"});
    observations->finish();
    // Read before the loads: a connection runs nothing else while it loads.
    const std::string rating =
        std::to_string(f.db.execAndGet("SELECT max(id) FROM observation").getInt64());
    const std::string stiffness = f.symptom("stiffness");
    const std::string tingling = f.symptom("numbness_tingling");
    const std::string heat = f.treatmentKind("heat");
    auto symptoms = f.db.bulkLoad("observation_symptom", {"observation_id", "symptom_id"});
    symptoms->add({rating, stiffness});
    symptoms->add({rating, tingling});
    symptoms->finish();
    auto treatments = f.db.bulkLoad("treatment", kTreatmentColumns);
    treatments->add({f.id(f.openVisit.id), f.id(f.ownKnot), heat, "", ""});
    treatments->add({f.id(f.openVisit.id), std::nullopt, heat, "ibuprofen", ""});
    treatments->finish();
    f.db.commit();
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation").getInt() == 2);
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation_symptom").getInt() == 3);
    CHECK(f.db.execAndGet("SELECT count(*) FROM treatment").getInt() == 4);
}

TEST_CASE("bulk load: nothing joins a signed visit") {
    BulkFixture f;
    const std::string visit = f.id(f.signedVisit.id);
    const std::string rating = f.id(f.signedRating);
    // A good row first: the whole load is refused, not only the bad row.
    CHECK(f.load("observation", kObservationColumns,
                 {{f.id(f.openVisit.id), f.id(f.ownKnot), "3", "tension", ""},
                  {visit, f.id(f.unratedKnot), "3", "tension", ""}}) ==
          "observation: a signed visit cannot be changed; add an amendment instead");
    CHECK(f.load("observation_symptom", {"observation_id", "symptom_id"},
                 {{rating, f.symptom("numbness_tingling")}}) ==
          "observation: a signed visit cannot be changed; add an amendment instead");
    CHECK(f.load("observation_referral", {"observation_id", "region_code"},
                 {{rating, "front.deltoid.left"}}) ==
          "observation: a signed visit cannot be changed; add an amendment instead");
    CHECK(f.load("treatment", kTreatmentColumns,
                 {{visit, std::nullopt, f.treatmentKind("heat"), "", ""}}) ==
          "treatment: a signed visit cannot be changed; add an amendment instead");
    CHECK(f.load("session_trigger", {"session_id", "trigger_id"},
                 {{visit, std::to_string(
                              f.db.execAndGet("SELECT id FROM trigger_cause WHERE code = 'stress'")
                                  .getInt64())}}) ==
          "session: a signed visit cannot be changed; add an amendment instead");
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation").getInt() == 1);
}

TEST_CASE("bulk load: a knot and a session of different clients are refused") {
    BulkFixture f;
    CHECK(f.load("observation", kObservationColumns,
                 {{f.id(f.openVisit.id), f.id(f.otherClientsKnot), "5", "tension", ""}}) ==
          "observation: knot and session belong to different clients");
    CHECK(f.load("treatment", kTreatmentColumns,
                 {{f.id(f.openVisit.id), f.id(f.otherClientsKnot), f.treatmentKind("heat"), "",
                   ""}}) == "treatment: knot and session belong to different clients");
}

TEST_CASE("bulk load: text limits name the field") {
    BulkFixture f;
    const std::string mebibytePlus(1048577, 'x');
    CHECK(f.load("observation", kObservationColumns,
                 {{f.id(f.openVisit.id), f.id(f.ownKnot), "5", "tension", mebibytePlus}}) ==
          "observation.notes: longer than 1 MiB (1048576 bytes)");
    CHECK(f.load("treatment", kTreatmentColumns,
                 {{f.id(f.openVisit.id), std::nullopt, f.treatmentKind("heat"),
                   std::string(257, 'm'), ""}}) == "treatment.medication: longer than 256 bytes");
    CHECK(f.load("treatment", kTreatmentColumns,
                 {{f.id(f.openVisit.id), std::nullopt, f.treatmentKind("heat"), "", "bell\x07"}}) ==
          "treatment.notes: a control character other than tab, LF or CR");
    CHECK(f.load("session",
                 {"client_id", "started_utc", "utc_offset_min", "kind", "therapist", "plan"},
                 {{f.id(f.client.id), "1774000000", "60", "therapy_visit", "Dana Lee",
                   "stretch\x01"}}) ==
          "session.plan: a control character other than tab, LF or CR");
}

TEST_CASE("bulk load: once it is over, single inserts are checked row by row again") {
    BulkFixture f;
    f.db.beginWrite();
    auto observations = f.db.bulkLoad("observation", kObservationColumns);
    observations->add({f.id(f.openVisit.id), f.id(f.ownKnot), "4", "tension", ""});
    observations->finish();
    if (f.db.dialect() == sql::Dialect::PostgreSQL) {
        // The row triggers stand aside only while a load runs.
        CHECK(f.db.execAndGet("SELECT current_setting('knotmap.bulk_load', true)").getString() ==
              "off");
    }
    // In the same transaction as the load: this row breaks two rules, and the
    // row triggers' order names the signed visit first, as it always has.
    CHECK_THROWS_WITH_AS(
        f.db.exec("INSERT INTO observation (session_id, knot_id, pain, kind) "
                  "VALUES (" +
                  f.id(f.signedVisit.id) + ", " + f.id(f.otherClientsKnot) + ", 4, 'tension')"),
        "observation: a signed visit cannot be changed; add an amendment instead", sql::Error);
    f.db.rollback();
}

namespace {

// A row whose client does not exist, refused row by row or at the check.
std::string orphanSessionRefusal(sql::Connection& db) {
    try {
        db.exec("INSERT INTO session (client_id, started_utc, utc_offset_min, kind) "
                "VALUES (999, 1774000000, 60, 'self_checkin')");
    } catch (const sql::Error& error) {
        return error.what();
    }
    return "";
}

bool namesForeignKey(std::string message) {
    for (char& c : message) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return message.find("foreign key") != std::string::npos;
}

const std::vector<std::string> kLoadedTables{
    "client", "session", "knot", "observation", "observation_symptom", "treatment"};

} // namespace

TEST_CASE("bulk load: foreign keys checked once at the end still refuse a row without parent") {
    BulkFixture f;
    const auto keys = [&] {
        return f.db.dialect() == sql::Dialect::PostgreSQL
                   ? f.db.execAndGet("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                     "AND connamespace = (SELECT oid FROM pg_namespace "
                                     "WHERE nspname = current_schema())")
                         .getInt64()
                   : 0;
    };
    const std::int64_t keysBefore = keys();
    // Every key is in place and refuses an orphan row by row.
    const auto keysApply = [&] {
        CHECK(namesForeignKey(orphanSessionRefusal(f.db)));
        CHECK(keys() == keysBefore);
    };

    // A load with an orphan: refused as it arrives (SQLite) or at the check
    // (PostgreSQL), and the rollback leaves the keys in place.
    f.db.beginWrite();
    f.db.deferForeignKeyChecks(kLoadedTables);
    std::string refusal;
    try {
        auto sessions =
            f.db.bulkLoad("session", {"client_id", "started_utc", "utc_offset_min", "kind"});
        sessions->add({"999", "1774000000", "60", "self_checkin"});
        sessions->finish();
        f.db.checkDeferredForeignKeys();
    } catch (const sql::Error& error) {
        refusal = error.what();
    }
    f.db.rollback();
    CAPTURE(refusal);
    CHECK(namesForeignKey(refusal));
    keysApply();

    // A good load, checked and committed: the keys apply again afterwards.
    f.db.beginWrite();
    f.db.deferForeignKeyChecks(kLoadedTables);
    auto sessions =
        f.db.bulkLoad("session", {"client_id", "started_utc", "utc_offset_min", "kind"});
    sessions->add({f.id(f.client.id), "1774000000", "60", "self_checkin"});
    sessions->finish();
    f.db.checkDeferredForeignKeys();
    f.db.commit();
    keysApply();

    // A commit without the check still puts them back.
    f.db.beginWrite();
    f.db.deferForeignKeyChecks(kLoadedTables);
    if (f.db.dialect() == sql::Dialect::PostgreSQL) {
        CHECK(keys() < keysBefore); // really dropped while the load runs
    }
    f.db.commit();
    keysApply();

    // Deferred inside a savepoint that is rolled back: back with the rollback,
    // and the outer transaction commits with them.
    f.db.beginWrite();
    f.db.savepoint();
    f.db.deferForeignKeyChecks(kLoadedTables);
    f.db.rollbackToSavepoint();
    f.db.commit();
    keysApply();

    // Deferred inside a savepoint that is kept: the outer commit checks them.
    f.db.beginWrite();
    f.db.savepoint();
    f.db.deferForeignKeyChecks(kLoadedTables);
    f.db.releaseSavepoint();
    f.db.commit();
    keysApply();
}

TEST_CASE(
    "bulk load: a statement that turns the bulk setting on for its own rows is still checked") {
    BulkFixture f;
    if (f.db.dialect() != sql::Dialect::PostgreSQL) {
        return; // the setting is the server's (db/postgresql/006)
    }
    // The setting is on while the rows go in (the row triggers stand aside)
    // and off again before the statement ends: the statement's own check
    // does not read it, so the signed visit is still read-only.
    CHECK_THROWS_WITH_AS(
        f.db.exec("INSERT INTO observation (session_id, knot_id, pain, kind) "
                  "SELECT " +
                  f.id(f.signedVisit.id) + ", " + f.id(f.unratedKnot) +
                  ", 3, 'tension' FROM (SELECT set_config('knotmap.bulk_load', 'on', true)) AS g "
                  "RETURNING id, set_config('knotmap.bulk_load', 'off', true)"),
        "observation: a signed visit cannot be changed; add an amendment instead", sql::Error);
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation").getInt() == 1);
}
