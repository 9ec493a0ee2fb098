#include "core/undo_stack.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/treatment_commands.h"
#include "store/treatment_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace knotmap;
using knotmap::testing::dumpAllTables;

namespace {

// A client with one session and two knots observed in it, in a real file.
struct TreatmentFixture {
    testing::TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("knotmap.db"));
    sql::Connection& db = database.sql();
    Client client;
    Session session;
    Knot shoulder;
    Knot neck;

    TreatmentFixture() {
        client.name = "Me";
        ClientRepository(db).add(client);
        session.clientId = client.id;
        session.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
        SessionRepository(db).add(session);
        shoulder = addKnot("back.upper_trapezius.left", {0.41, 0.17});
        neck = addKnot("back.levator_scapulae.right", {0.55, 0.12});
    }

    Knot addKnot(const std::string& region, DiagramPoint position) {
        Knot knot;
        knot.clientId = client.id;
        knot.view = BodyView::Back;
        knot.position = position;
        knot.regionCode = region;
        KnotRepository(db).add(knot);
        return knot;
    }

    NewTreatment massage() const {
        NewTreatment request;
        request.sessionId = session.id;
        request.kindCode = "massage_trigger_point";
        request.minutes = 20;
        request.intensity = Intensity::Firm;
        request.notes = "ischaemic compression, 90 s each";
        return request;
    }
};

} // namespace

TEST_CASE("treatment commands: one treatment for several knots is one row per knot, one step") {
    TreatmentFixture f;
    const std::string before = dumpAllTables(f.db);
    NewTreatment request = f.massage();
    request.targets = {{f.shoulder.id, 7, 4}, {f.neck.id, 5, std::nullopt}};

    UndoStack history;
    auto command = std::make_unique<AddTreatmentCommand>(f.db, request);
    AddTreatmentCommand* added = command.get();
    history.execute(std::move(command));
    CHECK(history.undoCount() == 1);
    CHECK(history.undoDescription() == "Add treatment");
    const std::string after = dumpAllTables(f.db);

    const auto rows = TreatmentRepository(f.db).listForSession(f.session.id);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].knotId == f.shoulder.id);
    CHECK(rows[0].painBefore == 7);
    CHECK(rows[0].painAfter == 4);
    CHECK(rows[1].knotId == f.neck.id);
    CHECK(rows[1].painBefore == 5);
    CHECK_FALSE(rows[1].painAfter);
    for (const Treatment& row : rows) {
        CHECK(row.kindCode == "massage_trigger_point");
        CHECK(row.minutes == 20);
        CHECK(row.intensity == Intensity::Firm);
        CHECK(row.notes == "ischaemic compression, 90 s each");
    }
    CHECK(added->treatments().size() == 2);

    REQUIRE(history.undo());
    CHECK(dumpAllTables(f.db) == before);
    REQUIRE(history.redo());
    CHECK(dumpAllTables(f.db) == after); // same ids again
}

TEST_CASE("treatment commands: a whole-session treatment has no knot and keeps its pain") {
    TreatmentFixture f;
    const std::string before = dumpAllTables(f.db);
    NewTreatment request;
    request.sessionId = f.session.id;
    request.kindCode = "medication";
    request.medication = "Ibuprofen 400 mg";
    request.painBefore = 6;
    request.painAfter = 3;

    AddTreatmentCommand command(f.db, request);
    command.apply();
    const std::string after = dumpAllTables(f.db);
    const auto rows = TreatmentRepository(f.db).listForSession(f.session.id);
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].knotId);
    CHECK(rows[0].medication == "Ibuprofen 400 mg");
    CHECK(rows[0].painBefore == 6);
    CHECK(rows[0].painAfter == 3);
    CHECK_FALSE(rows[0].minutes);
    CHECK_FALSE(rows[0].intensity);

    command.revert();
    CHECK(dumpAllTables(f.db) == before);
    command.apply();
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("treatment commands: a failing knot leaves nothing behind") {
    TreatmentFixture f;
    Client other;
    other.name = "Sam";
    ClientRepository(f.db).add(other);
    Knot foreign;
    foreign.clientId = other.id;
    foreign.view = BodyView::Front;
    foreign.position = {0.5, 0.5};
    foreign.regionCode = "front.pectoralis_major.left";
    KnotRepository(f.db).add(foreign);
    const std::string before = dumpAllTables(f.db);

    NewTreatment request = f.massage();
    // The second knot belongs to another client: the schema refuses it.
    request.targets = {{f.shoulder.id, 7, 4}, {foreign.id, 5, 2}};
    UndoStack history;
    CHECK_THROWS(history.execute(std::make_unique<AddTreatmentCommand>(f.db, request)));
    CHECK(history.undoCount() == 0);
    CHECK(dumpAllTables(f.db) == before);

    request.targets = {{f.shoulder.id, 11, 4}}; // pain out of range
    CHECK_THROWS(history.execute(std::make_unique<AddTreatmentCommand>(f.db, request)));
    request.targets = {{f.shoulder.id, 7, 4}};
    request.kindCode = "no_such_kind";
    CHECK_THROWS_AS(history.execute(std::make_unique<AddTreatmentCommand>(f.db, request)),
                    ValidationError);
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("treatment commands: update changes every field and undo restores the old row") {
    TreatmentFixture f;
    NewTreatment request = f.massage();
    request.targets = {{f.shoulder.id, 7, 4}};
    UndoStack history;
    history.execute(std::make_unique<AddTreatmentCommand>(f.db, request));
    const std::string before = dumpAllTables(f.db);

    Treatment changed = TreatmentRepository(f.db).listForSession(f.session.id).front();
    changed.kindCode = "heat";
    changed.knotId = f.neck.id;
    changed.minutes = 15;
    changed.intensity = Intensity::Light;
    changed.painBefore = 6;
    changed.painAfter = 2;
    changed.notes = "hot pack";
    history.execute(std::make_unique<UpdateTreatmentCommand>(f.db, changed));
    CHECK(history.undoDescription() == "Change treatment");
    const std::string after = dumpAllTables(f.db);
    const auto saved = TreatmentRepository(f.db).get(changed.id);
    REQUIRE(saved);
    CHECK(saved->kindCode == "heat");
    CHECK(saved->knotId == f.neck.id);
    CHECK(saved->intensity == Intensity::Light);
    CHECK(saved->painAfter == 2);

    REQUIRE(history.undo());
    CHECK(dumpAllTables(f.db) == before);
    REQUIRE(history.redo());
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("treatment commands: delete restores the same id, and later steps still apply") {
    TreatmentFixture f;
    NewTreatment request = f.massage();
    request.targets = {{f.shoulder.id, 7, 4}, {f.neck.id, 5, 3}};
    UndoStack history;
    history.execute(std::make_unique<AddTreatmentCommand>(f.db, request));
    const auto rows = TreatmentRepository(f.db).listForSession(f.session.id);
    REQUIRE(rows.size() == 2);
    const std::string withBoth = dumpAllTables(f.db);

    history.execute(std::make_unique<DeleteTreatmentCommand>(f.db, rows[0].id));
    CHECK(history.undoDescription() == "Delete treatment");
    const std::string afterDelete = dumpAllTables(f.db);
    CHECK_FALSE(TreatmentRepository(f.db).get(rows[0].id));
    CHECK(TreatmentRepository(f.db).get(rows[1].id));

    Treatment edited = rows[1];
    edited.painAfter = 1;
    history.execute(std::make_unique<UpdateTreatmentCommand>(f.db, edited));
    const std::string afterEdit = dumpAllTables(f.db);

    // Back through all three steps to nothing, then forward again.
    REQUIRE(history.undo());
    CHECK(dumpAllTables(f.db) == afterDelete);
    REQUIRE(history.undo());
    CHECK(dumpAllTables(f.db) == withBoth);
    CHECK(TreatmentRepository(f.db).get(rows[0].id)->painBefore == 7);
    REQUIRE(history.undo());
    CHECK(TreatmentRepository(f.db).listForSession(f.session.id).empty());
    REQUIRE(history.redo());
    CHECK(dumpAllTables(f.db) == withBoth);
    REQUIRE(history.redo());
    REQUIRE(history.redo());
    CHECK(dumpAllTables(f.db) == afterEdit);
}

TEST_CASE("treatment commands: deleting or changing a treatment that is gone is refused") {
    TreatmentFixture f;
    UndoStack history;
    CHECK_THROWS_AS(history.execute(std::make_unique<DeleteTreatmentCommand>(f.db, 4242)),
                    StoreError);
    Treatment missing;
    missing.id = 4242;
    missing.sessionId = f.session.id;
    missing.kindCode = "heat";
    CHECK_THROWS_AS(history.execute(std::make_unique<UpdateTreatmentCommand>(f.db, missing)),
                    StoreError);
    CHECK(history.undoCount() == 0);
}
