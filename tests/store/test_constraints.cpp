#include "core/validation.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/sql/sqlite/sqlite_connection.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store_fixtures.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>

using namespace knotmap;

namespace {

// Runs raw SQL and returns SQLite's message, or "" when it succeeded.
std::string rejection(Database& database, const std::string& sql) {
    try {
        database.sql().exec(sql);
        return "";
    } catch (const sql::Error& error) {
        return error.what();
    }
}

} // namespace

TEST_CASE("the schema rejects out-of-range values even when the code is bypassed") {
    Database database = Database::openInMemory();
    testing::addSampleHistory(database);
    // Sample ids: client 1, session 1, knot 1.
    CHECK(rejection(database, "INSERT INTO observation (session_id, knot_id, pain, kind) "
                              "VALUES (1, 1, 11, 'tension')")
              .find("CHECK constraint failed") != std::string::npos);
    CHECK(rejection(database, "INSERT INTO observation (session_id, knot_id, pain, kind) "
                              "VALUES (1, 1, -1, 'tension')") != "");
    CHECK(rejection(database, "INSERT INTO observation (session_id, knot_id, pain, kind) "
                              "VALUES (1, 1, 5, 'cramp')") != "");
    CHECK(rejection(database, "INSERT INTO treatment (session_id, kind_id, minutes) "
                              "VALUES (1, 1, -5)") != "");
    CHECK(rejection(database, "INSERT INTO treatment (session_id, kind_id, pain_after) "
                              "VALUES (1, 1, 12)") != "");
    CHECK(rejection(database, "INSERT INTO knot (client_id, view, x, y, region_code) "
                              "VALUES (1, 'side', 0.5, 0.5, 'r')") != "");
    CHECK(rejection(database, "INSERT INTO knot (client_id, view, x, y, region_code) "
                              "VALUES (1, 'front', 1.5, 0.5, 'r')") != "");
    CHECK(rejection(database, "INSERT INTO knot (client_id, view, x, y, region_code) "
                              "VALUES (1, 'front', 0.5, -0.1, 'r')") != "");
    CHECK(rejection(database, "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, "
                              "overall_pain) VALUES (1, 0, 0, 'self_checkin', 12)") != "");
    CHECK(rejection(database, "INSERT INTO client (name, created_utc) VALUES ('  ', 0)") != "");
    // STRICT: a string where a number belongs is refused, not silently stored.
    CHECK(rejection(database, "INSERT INTO observation (session_id, knot_id, pain, kind) "
                              "VALUES (1, 1, 'high', 'tension')") != "");
    // Nothing above was stored.
    CHECK(database.sql().execAndGet("SELECT count(*) FROM observation").getInt() == 0);
    CHECK(database.sql().execAndGet("SELECT count(*) FROM treatment").getInt() == 0);
}

TEST_CASE("repositories report invalid records by field before SQLite sees them") {
    Database database = Database::openInMemory();
    auto sample = testing::addSampleHistory(database);
    ObservationRepository observations(database.sql());
    Observation observation;
    observation.sessionId = sample.session.id;
    observation.knotId = sample.knot.id;
    observation.pain = 11;
    CHECK_THROWS_WITH_AS(observations.add(observation),
                         "observation: pain: must be between 0 and 10, got 11", ValidationError);
    observation.pain = 4;
    observation.symptomCodes = {"stiffness", "no_such_symptom"};
    CHECK_THROWS_WITH_AS(observations.add(observation),
                         "observation: unknown symptom 'no_such_symptom'", ValidationError);
    // The failed add left nothing behind, not even the observation row.
    CHECK(database.sql().execAndGet("SELECT count(*) FROM observation").getInt() == 0);
    observation.symptomCodes = {"stiffness"};
    CHECK_NOTHROW(observations.add(observation));

    TreatmentRepository treatments(database.sql());
    Treatment treatment;
    treatment.sessionId = sample.session.id;
    treatment.kindCode = "unicorn_therapy";
    CHECK_THROWS_WITH_AS(treatments.add(treatment),
                         "treatment: unknown treatment kind 'unicorn_therapy'", ValidationError);
    treatment.kindCode = "heat";
    CHECK_NOTHROW(treatments.add(treatment));
}

TEST_CASE("client names are unique regardless of case") {
    Database database = Database::openInMemory();
    ClientRepository clients(database.sql());
    Client first{0, "Jordan Lee", std::nullopt, "", false};
    clients.add(first);
    Client second{0, "jordan lee", std::nullopt, "", false};
    CHECK_THROWS_AS(clients.add(second), sql::Error);
    CHECK(clients.findByName("JORDAN LEE")->id == first.id);
}

TEST_CASE("foreign keys: missing parents are refused, deleting a client removes its history") {
    Database database = Database::openInMemory();
    CHECK(rejection(database, "INSERT INTO session (client_id, started_utc, utc_offset_min, kind) "
                              "VALUES (42, 0, 0, 'self_checkin')")
              .find("FOREIGN KEY") != std::string::npos);

    auto sample = testing::addSampleHistory(database);
    Observation observation;
    observation.sessionId = sample.session.id;
    observation.knotId = sample.knot.id;
    observation.pain = 6;
    observation.symptomCodes = {"tenderness"};
    observation.referredRegionCodes = {"front.temporalis.left"};
    ObservationRepository(database.sql()).add(observation);
    Treatment treatment;
    treatment.sessionId = sample.session.id;
    treatment.knotId = sample.knot.id;
    treatment.kindCode = "massage_ball";
    TreatmentRepository(database.sql()).add(treatment);

    ClientRepository(database.sql()).remove(sample.client.id);
    for (const char* table : {"session", "knot", "observation", "observation_symptom",
                              "observation_referral", "treatment"}) {
        CAPTURE(table);
        CHECK(database.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt() ==
              0);
    }
    // Vocabularies are shared and survive.
    CHECK(database.sql().execAndGet("SELECT count(*) FROM symptom").getInt() > 0);
}

TEST_CASE("a vocabulary entry in use cannot be deleted (it is hidden instead)") {
    Database database = Database::openInMemory();
    auto sample = testing::addSampleHistory(database);
    Observation observation{
        0, sample.session.id, sample.knot.id, 3, ObservationKind::Tension, {"aching"}, {}, ""};
    ObservationRepository(database.sql()).add(observation);
    CHECK(rejection(database, "DELETE FROM symptom WHERE code = 'aching'") != "");
}

TEST_CASE("a knot cannot be observed or treated in another client's session") {
    Database database = Database::openInMemory();
    auto alex = testing::addSampleHistory(database, "Alex");
    auto blair = testing::addSampleHistory(database, "Blair");
    Observation crossed{0, alex.session.id, blair.knot.id, 5, ObservationKind::Tension, {}, {}, ""};
    CHECK_THROWS_WITH(ObservationRepository(database.sql()).add(crossed),
                      "observation: knot and session belong to different clients");
    Treatment treatment;
    treatment.sessionId = blair.session.id;
    treatment.knotId = alex.knot.id;
    treatment.kindCode = "heat";
    CHECK_THROWS_WITH(TreatmentRepository(database.sql()).add(treatment),
                      "treatment: knot and session belong to different clients");
}

TEST_CASE("a failed multi-row write leaves nothing half-written") {
    Database database = Database::openInMemory();
    auto sample = testing::addSampleHistory(database);
    Session session;
    session.clientId = sample.client.id;
    session.startedAt = LocalTimestamp::fromLocal({2026, 3, 15, 8, 0, 0}, 60);
    session.triggerCodes = {"posture", "made_up_trigger"};
    CHECK_THROWS_AS(SessionRepository(database.sql()).add(session), ValidationError);
    CHECK(database.sql().execAndGet("SELECT count(*) FROM session").getInt() == 1);
    CHECK(database.sql().execAndGet("SELECT count(*) FROM session_trigger").getInt() == 0);
}

namespace {

// One text field of the schema, with an INSERT that puts ?1 in it.
struct TextField {
    const char* table;
    const char* column;
    std::size_t limit;
    const char* insert;
};

const TextField kTextFields[] = {
    {"client", "name", kMaxNameBytes, "INSERT INTO client (name, created_utc) VALUES (?1, 0)"},
    {"client", "notes", kMaxNoteBytes,
     "INSERT INTO client (name, notes, created_utc) VALUES ('Notes', ?1, 0)"},
    {"symptom", "code", kMaxCodeBytes, "INSERT INTO symptom (code, name) VALUES (?1, 'Code')"},
    {"symptom", "name", kMaxNameBytes, "INSERT INTO symptom (code, name) VALUES ('n', ?1)"},
    {"treatment_kind", "code", kMaxCodeBytes,
     "INSERT INTO treatment_kind (code, name) VALUES (?1, 'Code')"},
    {"treatment_kind", "name", kMaxNameBytes,
     "INSERT INTO treatment_kind (code, name) VALUES ('n', ?1)"},
    {"trigger_cause", "code", kMaxCodeBytes,
     "INSERT INTO trigger_cause (code, name) VALUES (?1, 'Code')"},
    {"trigger_cause", "name", kMaxNameBytes,
     "INSERT INTO trigger_cause (code, name) VALUES ('n', ?1)"},
    {"session", "therapist", kMaxNameBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, therapist) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1)"},
    {"session", "subjective", kMaxNoteBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, subjective) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1)"},
    {"session", "objective", kMaxNoteBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, objective) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1)"},
    {"session", "assessment", kMaxNoteBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, assessment) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1)"},
    {"session", "plan", kMaxNoteBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, plan) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1)"},
    {"session", "notes", kMaxNoteBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, notes) "
     "VALUES (1, 0, 0, 'self_checkin', ?1)"},
    {"session", "signed_by", kMaxNameBytes,
     "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, signed_by, signed_utc) "
     "VALUES (1, 0, 0, 'therapy_visit', ?1, 1)"},
    {"knot", "region_code", kMaxCodeBytes,
     "INSERT INTO knot (client_id, view, x, y, region_code) VALUES (1, 'back', 0.5, 0.5, ?1)"},
    {"knot", "label", kMaxNameBytes,
     "INSERT INTO knot (client_id, view, x, y, region_code, label) "
     "VALUES (1, 'back', 0.5, 0.5, 'back.upper_trapezius.left', ?1)"},
    {"observation", "notes", kMaxNoteBytes,
     "INSERT INTO observation (session_id, knot_id, pain, kind, notes) "
     "VALUES (1, 1, 3, 'tension', ?1)"},
    {"observation_referral", "region_code", kMaxCodeBytes,
     "INSERT INTO observation_referral (observation_id, region_code) VALUES (100, ?1)"},
    {"treatment", "medication", kMaxNameBytes,
     "INSERT INTO treatment (session_id, kind_id, medication) VALUES (1, 1, ?1)"},
    {"treatment", "notes", kMaxNoteBytes,
     "INSERT INTO treatment (session_id, kind_id, notes) VALUES (1, 1, ?1)"},
    {"session_amendment", "original_value", kMaxNoteBytes,
     "INSERT INTO session_amendment (session_id, field, author, amended_utc, original_value) "
     "VALUES (1, 'notes', 'Ana', 0, ?1)"},
    {"session_amendment", "new_value", kMaxNoteBytes,
     "INSERT INTO session_amendment (session_id, field, author, amended_utc, new_value) "
     "VALUES (1, 'notes', 'Ana', 0, ?1)"},
    {"session_amendment", "author", kMaxNameBytes,
     "INSERT INTO session_amendment (session_id, field, author, amended_utc) "
     "VALUES (1, 'notes', ?1, 0)"},
    {"session_amendment", "reason", kMaxNoteBytes,
     "INSERT INTO session_amendment (session_id, field, author, amended_utc, reason) "
     "VALUES (1, 'notes', 'Ana', 0, ?1)"},
};

// SQLite's message for a statement with ?1 (and ?2) bound, or "" when it succeeded.
std::string rejectionWith(Database& database, const std::string& sql, const std::string& first,
                          const std::string& second = {}) {
    try {
        SQLite::Statement statement(sql::sqliteDatabaseOf(database.sql()), sql);
        statement.bind(1, first);
        if (statement.getBindParameterCount() > 1) {
            statement.bind(2, second);
        }
        statement.exec();
        return "";
    } catch (const SQLite::Exception& error) {
        return error.what();
    }
}

} // namespace

TEST_CASE("the schema holds every text field to its limit and refuses control characters") {
    using namespace std::string_literals;
    Database database = Database::openInMemory();
    testing::addSampleHistory(database);
    database.sql().exec("INSERT INTO knot (id, client_id, view, x, y, region_code) "
                        "VALUES (2, 1, 'back', 0.5, 0.5, 'back.upper_trapezius.right')");
    database.sql().exec("INSERT INTO observation (id, session_id, knot_id, pain, kind) "
                        "VALUES (100, 1, 2, 3, 'tension')");
    for (const TextField& field : kTextFields) {
        const std::string name = std::string(field.table) + "." + field.column;
        CAPTURE(name);
        // Tab, LF and CR are text; the limit is bytes, and holds exactly.
        const std::string atLimit = "\t\r\n" + std::string(field.limit - 3, 'x');
        for (const std::string& bad :
             {"a\0b"s, "a\x01"s, "\x1B[2J"s, "x\x7F"s, "x\xC2\x85"s, "x\xC2\x9F"s}) {
            CHECK(rejectionWith(database, field.insert, bad)
                      .find(name + ": a control character other than tab, LF or CR") !=
                  std::string::npos);
        }
        CHECK(rejectionWith(database, field.insert, atLimit + "x").find(name + ": longer than") !=
              std::string::npos);
        REQUIRE(rejectionWith(database, field.insert, atLimit) == "");
        if (std::string(field.table) == "session_amendment" || name == "session.signed_by") {
            continue; // never updated: their own triggers refuse it (append-only, signed)
        }
        const std::string update = std::string("UPDATE ") + field.table + " SET " + field.column +
                                   " = ?1 WHERE " + field.column + " = ?2";
        CHECK(
            rejectionWith(database, update, atLimit + "y", atLimit).find(name + ": longer than") !=
            std::string::npos);
        CHECK(rejectionWith(database, update, "z\0"s, atLimit).find(name + ": a control") !=
              std::string::npos);
        CHECK(rejectionWith(database, update, atLimit.substr(2) + "\xC2\xA0", atLimit) == "");
    }
    CHECK(rejectionWith(database, "INSERT INTO symptom (code, name) VALUES (?1, 'Semi')", "a;b")
              .find("symptom.code: a semicolon") != std::string::npos);
}

TEST_CASE("repositories name the text field that is over its limit before SQLite sees it") {
    Database database = Database::openInMemory();
    auto sample = testing::addSampleHistory(database);
    Observation observation;
    observation.sessionId = sample.session.id;
    observation.knotId = sample.knot.id;
    observation.pain = 4;
    observation.notes = std::string(kMaxNoteBytes + 1, 'n');
    CHECK_THROWS_WITH_AS(ObservationRepository(database.sql()).add(observation),
                         "observation: notes: is 1048577 bytes long; the limit is 1 MiB (1048576 "
                         "bytes)",
                         ValidationError);
    Client client;
    client.name = std::string("Bell\x07");
    CHECK_THROWS_WITH_AS(ClientRepository(database.sql()).add(client),
                         "client: name: control character U+0007 at character 5 is not allowed",
                         ValidationError);
}
