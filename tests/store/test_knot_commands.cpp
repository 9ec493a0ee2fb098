#include "core/undo_stack.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_commands.h"
#include "store/knot_repository.h"
#include "store/observation_commands.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/todays_session.h"
#include "store/treatment_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace knotmap;

namespace {

// now = Sat 14 Mar 2026, 18:30 at UTC+01:00.
LocalTimestamp afternoon() {
    return LocalTimestamp::fromLocal({2026, 3, 14, 18, 30, 0}, 60);
}

struct Fixture {
    testing::TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("knotmap.db"));
    sql::Connection& db = database.sql();
    Client client;

    Fixture() {
        client.name = "Me";
        ClientRepository(db).add(client);
    }

    Session addSession(const LocalTimestamp& at) {
        Session session;
        session.clientId = client.id;
        session.startedAt = at;
        SessionRepository(db).add(session);
        return session;
    }

    Knot addKnot(DiagramPoint position = {0.41, 0.17}) {
        Knot knot;
        knot.clientId = client.id;
        knot.view = BodyView::Back;
        knot.position = position;
        knot.regionCode = "back.upper_trapezius.left";
        KnotRepository(db).add(knot);
        return knot;
    }

    Observation addObservation(const Session& session, const Knot& knot, int pain) {
        Observation observation;
        observation.sessionId = session.id;
        observation.knotId = knot.id;
        observation.pain = pain;
        ObservationRepository(db).add(observation);
        return observation;
    }

    NewKnot newKnot() const {
        NewKnot knot;
        knot.clientId = client.id;
        knot.view = BodyView::Front;
        knot.position = {0.62, 0.31};
        knot.regionCode = "front.pectoralis_major.left";
        return knot;
    }
};

} // namespace

TEST_CASE("knot commands: adding a knot creates today's session, and undo removes all of it") {
    Fixture f;
    f.addSession(LocalTimestamp::fromLocal({2026, 3, 13, 9, 0, 0}, 60)); // yesterday
    const std::string before = testing::dumpAllTables(f.db);

    CreateKnotCommand command(f.db, f.newKnot(), afternoon());
    command.apply();
    const std::string after = testing::dumpAllTables(f.db);
    const auto session = SessionRepository(f.db).get(command.sessionId());
    REQUIRE(session);
    CHECK(session->startedAt == afternoon());
    CHECK(session->kind == SessionKind::SelfCheckIn);
    const auto knot = KnotRepository(f.db).get(command.knotId());
    REQUIRE(knot);
    CHECK(knot->position.x == 0.62);
    CHECK(knot->position.y == 0.31);
    CHECK(knot->regionCode == "front.pectoralis_major.left");
    const auto observation = ObservationRepository(f.db).get(command.observationId());
    REQUIRE(observation);
    CHECK(observation->pain == 5);
    CHECK(observation->kind == ObservationKind::ActiveTriggerPoint);

    command.revert();
    CHECK(testing::dumpAllTables(f.db) == before);
    command.apply(); // redo
    CHECK(testing::dumpAllTables(f.db) == after);
}

TEST_CASE("knot commands: a session earlier today is reused, the latest of several") {
    Fixture f;
    f.addSession(LocalTimestamp::fromLocal({2026, 3, 14, 7, 0, 0}, 60));
    const Session latest = f.addSession(LocalTimestamp::fromLocal({2026, 3, 14, 12, 0, 0}, 60));
    const std::string before = testing::dumpAllTables(f.db);

    CreateKnotCommand command(f.db, f.newKnot(), afternoon());
    command.apply();
    CHECK(command.sessionId() == latest.id);
    CHECK(SessionRepository(f.db).listForClient(f.client.id).size() == 2);
    command.revert();
    CHECK(testing::dumpAllTables(f.db) == before); // the reused session stays
}

TEST_CASE("knot commands: today is each session's own local date") {
    Fixture f;
    // now: Sat 14 Mar 2026 00:30 at UTC+01:00, i.e. 13 Mar 23:30 UTC.
    const LocalTimestamp now = LocalTimestamp::fromLocal({2026, 3, 14, 0, 30, 0}, 60);
    // 13 Mar 23:00 UTC recorded at UTC-05:00 is 18:00 on the 13th there: not today.
    f.addSession(LocalTimestamp(now.utcSeconds() - 30 * 60, -5 * 60));
    TodaysSession today = findOrCreateTodaysSession(f.db, f.client.id, now);
    CHECK(today.created);

    Fixture g;
    // 13 Mar 20:00 UTC recorded at UTC+09:00 is 05:00 on the 14th there: today.
    const Session tokyo = g.addSession(LocalTimestamp::fromLocal({2026, 3, 14, 5, 0, 0}, 9 * 60));
    today = findOrCreateTodaysSession(g.db, g.client.id, now);
    CHECK_FALSE(today.created);
    CHECK(today.session.id == tokyo.id);
}

TEST_CASE("knot commands: another client's session today is not reused") {
    Fixture f;
    Client other;
    other.name = "Sam";
    ClientRepository(f.db).add(other);
    Session theirs;
    theirs.clientId = other.id;
    theirs.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 0, 0}, 60);
    SessionRepository(f.db).add(theirs);
    const TodaysSession today = findOrCreateTodaysSession(f.db, f.client.id, afternoon());
    CHECK(today.created);
    CHECK(today.session.clientId == f.client.id);
}

TEST_CASE("knot commands: logging a known knot copies pain, kind and symptoms of its latest") {
    Fixture f;
    const Knot knot = f.addKnot();
    const Session older = f.addSession(LocalTimestamp::fromLocal({2026, 3, 10, 9, 0, 0}, 60));
    const Session newer = f.addSession(LocalTimestamp::fromLocal({2026, 3, 12, 9, 0, 0}, 60));
    // Saved in the opposite order, so "latest" must follow session time, not ids.
    Observation latest;
    latest.sessionId = newer.id;
    latest.knotId = knot.id;
    latest.pain = 6;
    latest.kind = ObservationKind::LatentTriggerPoint;
    latest.symptomCodes = {"tenderness", "headache"};
    latest.referredRegionCodes = {"front.temporalis.left"};
    latest.notes = "Worse after the long drive";
    ObservationRepository(f.db).add(latest);
    f.addObservation(older, knot, 2);
    const std::string before = testing::dumpAllTables(f.db);

    CHECK_FALSE(findTodaysObservation(f.db, f.client.id, knot.id, afternoon()));
    LogObservationCommand command(f.db, knot.id, afternoon());
    command.apply();
    const std::string after = testing::dumpAllTables(f.db);
    const auto logged = ObservationRepository(f.db).get(command.observationId());
    REQUIRE(logged);
    CHECK(logged->knotId == knot.id);
    CHECK(logged->pain == 6);
    CHECK(logged->kind == ObservationKind::LatentTriggerPoint);
    CHECK(logged->symptomCodes == latest.symptomCodes);
    CHECK(logged->referredRegionCodes.empty());
    CHECK(logged->notes.empty());
    const auto today = findTodaysObservation(f.db, f.client.id, knot.id, afternoon());
    REQUIRE(today);
    CHECK(today->id == command.observationId());

    command.revert();
    CHECK(testing::dumpAllTables(f.db) == before);
    command.apply();
    CHECK(testing::dumpAllTables(f.db) == after);
}

TEST_CASE("knot commands: logging a resolved knot again makes it active, undo resolves it again") {
    Fixture f;
    Knot knot = f.addKnot();
    knot.status = KnotStatus::Resolved;
    KnotRepository(f.db).update(knot);
    const std::string before = testing::dumpAllTables(f.db);

    LogObservationCommand command(f.db, knot.id, afternoon());
    command.apply();
    CHECK(KnotRepository(f.db).get(knot.id)->status == KnotStatus::Active);
    const std::string after = testing::dumpAllTables(f.db);
    command.revert();
    CHECK(KnotRepository(f.db).get(knot.id)->status == KnotStatus::Resolved);
    CHECK(testing::dumpAllTables(f.db) == before);
    command.apply();
    CHECK(testing::dumpAllTables(f.db) == after);
}

TEST_CASE("knot commands: an observation edit changes one field and reverts exactly") {
    Fixture f;
    const Knot knot = f.addKnot();
    const Session session = f.addSession(afternoon());
    const Observation observation = f.addObservation(session, knot, 4);
    const std::string before = testing::dumpAllTables(f.db);

    const ObservationEdit edits[] = {
        ObservationEdit::setPain(observation.id, 8),
        ObservationEdit::setKind(observation.id, ObservationKind::Spasm),
        ObservationEdit::setSymptoms(observation.id, {"stiffness", "burning"}),
        ObservationEdit::setReferredRegions(observation.id, {"back.rhomboid.left"}),
        ObservationEdit::setNotes(observation.id, "Eased with heat\nthen tight again"),
    };
    for (const ObservationEdit& edit : edits) {
        UpdateObservationCommand command(f.db, edit);
        command.apply();
        const std::string after = testing::dumpAllTables(f.db);
        CHECK(after != before);
        Observation expected = observation;
        applyEdit(edit, expected);
        const auto saved = ObservationRepository(f.db).get(observation.id);
        REQUIRE(saved);
        CHECK(saved->pain == expected.pain);
        CHECK(saved->kind == expected.kind);
        CHECK(saved->notes == expected.notes);
        CHECK(saved->referredRegionCodes == expected.referredRegionCodes);
        command.revert();
        CHECK(testing::dumpAllTables(f.db) == before);
        command.apply();
        CHECK(testing::dumpAllTables(f.db) == after);
        command.revert();
    }
}

TEST_CASE("knot commands: a pain slider drag is one undo step") {
    Fixture f;
    const Knot knot = f.addKnot();
    const Observation observation = f.addObservation(f.addSession(afternoon()), knot, 3);
    UndoStack stack;
    for (int pain = 4; pain <= 7; ++pain) {
        stack.execute(std::make_unique<UpdateObservationCommand>(
            f.db, ObservationEdit::setPain(observation.id, pain)));
    }
    stack.sealNewest();
    stack.execute(std::make_unique<UpdateObservationCommand>(
        f.db, ObservationEdit::setNotes(observation.id, "better")));
    CHECK(stack.undoCount() == 2);
    CHECK(stack.undoDescription() == "Edit notes");
    stack.undo();
    CHECK(stack.undoDescription() == "Change pain");
    stack.undo();
    CHECK(ObservationRepository(f.db).get(observation.id)->pain == 3);
    stack.redo();
    CHECK(ObservationRepository(f.db).get(observation.id)->pain == 7);
}

TEST_CASE("knot commands: moving a knot changes position and region, undo puts it back") {
    Fixture f;
    const Knot knot = f.addKnot();
    const std::string before = testing::dumpAllTables(f.db);
    MoveKnotCommand command(f.db, knot.id, {0.44, 0.22}, "back.rhomboid.left");
    command.apply();
    const std::string after = testing::dumpAllTables(f.db);
    const auto moved = KnotRepository(f.db).get(knot.id);
    REQUIRE(moved);
    CHECK(moved->position.x == 0.44);
    CHECK(moved->position.y == 0.22);
    CHECK(moved->regionCode == "back.rhomboid.left");
    command.revert();
    CHECK(testing::dumpAllTables(f.db) == before);
    command.apply();
    CHECK(testing::dumpAllTables(f.db) == after);
}

TEST_CASE("knot commands: deleting a knot and undoing restores it and its children with ids") {
    Fixture f;
    const Knot keep = f.addKnot({0.55, 0.2});
    const Knot knot = f.addKnot();
    const Session first = f.addSession(LocalTimestamp::fromLocal({2026, 3, 1, 9, 0, 0}, 60));
    const Session second = f.addSession(LocalTimestamp::fromLocal({2026, 3, 8, 9, 0, 0}, 60));
    Observation detailed;
    detailed.sessionId = first.id;
    detailed.knotId = knot.id;
    detailed.pain = 7;
    detailed.kind = ObservationKind::Adhesion;
    detailed.symptomCodes = {"taut_band", "aching"};
    detailed.referredRegionCodes = {"back.rhomboid.left", "front.temporalis.left"};
    detailed.notes = "Refers to the temple";
    ObservationRepository(f.db).add(detailed);
    f.addObservation(second, knot, 3);
    f.addObservation(second, keep, 2);
    TreatmentRepository treatments(f.db);
    Treatment onKnot{0, first.id, knot.id, "massage_trigger_point", 8, Intensity::Firm,
                     7, 4,        "",      "Sustained pressure"};
    Treatment onSession{
        0, first.id, std::nullopt, "heat", 15, std::nullopt, std::nullopt, std::nullopt, "", ""};
    treatments.add(onKnot);
    treatments.add(onSession);
    // Later rows, so that a restore by fresh ids could not land on the old ones.
    f.addKnot({0.6, 0.6});
    const std::string before = testing::dumpAllTables(f.db);

    DeleteKnotCommand command(f.db, knot.id);
    command.apply();
    const std::string after = testing::dumpAllTables(f.db);
    CHECK_FALSE(KnotRepository(f.db).get(knot.id));
    CHECK(ObservationRepository(f.db).listForKnot(knot.id).empty());
    CHECK(TreatmentRepository(f.db).listForKnot(knot.id).empty());
    CHECK(TreatmentRepository(f.db).get(onSession.id)); // the session's own treatment stays
    CHECK(ObservationRepository(f.db).listForKnot(keep.id).size() == 1);

    command.revert();
    CHECK(testing::dumpAllTables(f.db) == before);
    const auto restored = ObservationRepository(f.db).get(detailed.id);
    REQUIRE(restored);
    CHECK(restored->symptomCodes == std::vector<std::string>{"aching", "taut_band"});
    command.apply();
    CHECK(testing::dumpAllTables(f.db) == after);
}

TEST_CASE("knot commands: add, edit and delete undo and redo through the stack") {
    Fixture f;
    const std::string empty = testing::dumpAllTables(f.db);
    UndoStack stack;
    auto create = std::make_unique<CreateKnotCommand>(f.db, f.newKnot(), afternoon());
    CreateKnotCommand& created = *create;
    stack.execute(std::move(create));
    const std::string added = testing::dumpAllTables(f.db);
    stack.execute(std::make_unique<UpdateObservationCommand>(
        f.db, ObservationEdit::setPain(created.observationId(), 9)));
    stack.sealNewest();
    const std::string edited = testing::dumpAllTables(f.db);
    stack.execute(std::make_unique<DeleteKnotCommand>(f.db, created.knotId()));
    const std::string deleted = testing::dumpAllTables(f.db);

    stack.undo();
    CHECK(testing::dumpAllTables(f.db) == edited);
    stack.undo();
    CHECK(testing::dumpAllTables(f.db) == added);
    stack.undo();
    CHECK(testing::dumpAllTables(f.db) == empty);
    stack.redo();
    CHECK(testing::dumpAllTables(f.db) == added);
    stack.redo();
    CHECK(testing::dumpAllTables(f.db) == edited);
    stack.redo();
    CHECK(testing::dumpAllTables(f.db) == deleted);
}

TEST_CASE("knot commands: a command on a knot that is gone fails and changes nothing") {
    Fixture f;
    const std::string before = testing::dumpAllTables(f.db);
    UndoStack stack;
    CHECK_THROWS(stack.execute(std::make_unique<DeleteKnotCommand>(f.db, 999)));
    CHECK_THROWS(
        stack.execute(std::make_unique<MoveKnotCommand>(f.db, 999, DiagramPoint{0.5, 0.5}, "x")));
    CHECK_THROWS(stack.execute(std::make_unique<LogObservationCommand>(f.db, 999, afternoon())));
    CHECK_THROWS(stack.execute(
        std::make_unique<UpdateObservationCommand>(f.db, ObservationEdit::setPain(999, 3))));
    CHECK_FALSE(stack.canUndo());
    CHECK(testing::dumpAllTables(f.db) == before);
}

TEST_CASE(
    "knot commands: logging again puts a new rating in a new check-in, the earlier one untouched") {
    Fixture f;
    const Knot knot = f.addKnot();
    const Session morning = f.addSession(LocalTimestamp::fromLocal({2026, 3, 14, 8, 10, 0}, 60));
    Observation rated = f.addObservation(morning, knot, 6);
    const std::string before = testing::dumpAllTables(f.db);

    // A plain log finds the morning's rating: it is today's.
    const auto today = findTodaysObservation(f.db, f.client.id, knot.id, afternoon());
    REQUIRE(today);
    CHECK(today->id == rated.id);

    LogObservationCommand again(f.db, knot.id, afternoon(),
                                LogObservationCommand::Where::NewCheckIn);
    again.apply();
    CHECK(again.description() == "Log knot again");
    const auto logged = ObservationRepository(f.db).get(again.observationId());
    REQUIRE(logged);
    CHECK(logged->pain == 6); // prefilled from the morning's
    CHECK(logged->sessionId != morning.id);
    const auto session = SessionRepository(f.db).get(logged->sessionId);
    REQUIRE(session);
    CHECK(session->kind == SessionKind::SelfCheckIn);
    CHECK(session->startedAt.utcSeconds() == afternoon().utcSeconds());
    CHECK(ObservationRepository(f.db).get(rated.id)->pain == 6);
    // The next click goes to the new check-in: it is now today's latest.
    const auto latest = findTodaysObservation(f.db, f.client.id, knot.id, afternoon());
    REQUIRE(latest);
    CHECK(latest->id == again.observationId());

    const std::string after = testing::dumpAllTables(f.db);
    again.revert(); // the new check-in goes with it
    CHECK(testing::dumpAllTables(f.db) == before);
    again.apply();
    CHECK(testing::dumpAllTables(f.db) == after);
}
