#include "core/undo_stack.h"
#include "store/amendment_repository.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_commands.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/treatment_repository.h"
#include "store/visit_amendments.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"
#include "visit_fixture.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace knotmap;
using knotmap::testing::dumpAllTables;

using knotmap::testing::morning;
using knotmap::testing::VisitFixture;

namespace {
using Fixture = VisitFixture;
} // namespace

TEST_CASE("session commands: a new session, undone and redone under the same id") {
    Fixture f;
    const std::string before = dumpAllTables(f.db);
    NewSessionCommand command(f.db, f.client.id, SessionKind::TherapyVisit, morning());
    command.apply();
    const std::string after = dumpAllTables(f.db);
    const auto session = SessionRepository(f.db).get(command.sessionId());
    REQUIRE(session);
    CHECK(session->kind == SessionKind::TherapyVisit);
    CHECK(session->startedAt == morning());
    CHECK(command.description() == "New therapy visit");
    command.revert();
    CHECK(dumpAllTables(f.db) == before);
    command.apply();
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("session commands: editing one field changes only that field, undo restores it") {
    Fixture f;
    const Session visit = f.addFullVisit();
    const std::string before = dumpAllTables(f.db);
    UpdateSessionDetailsCommand stress(f.db, visit.id, SessionField::Stress, "4");
    stress.apply();
    const std::string after = dumpAllTables(f.db);
    auto session = SessionRepository(f.db).get(visit.id);
    CHECK(session->stress == 4);
    CHECK(session->overallPain == 6);
    CHECK(session->subjective == "Neck stiff after travel");
    stress.revert();
    CHECK(dumpAllTables(f.db) == before);
    stress.apply();
    CHECK(dumpAllTables(f.db) == after);

    UpdateSessionDetailsCommand triggers(f.db, visit.id, SessionField::Triggers, "stress,overuse");
    triggers.apply();
    CHECK(SessionRepository(f.db).get(visit.id)->triggerCodes.size() == 2);
    triggers.revert();
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("session commands: a rating outside 0-10 is refused and nothing changes") {
    Fixture f;
    const Session visit = f.addFullVisit();
    const std::string before = dumpAllTables(f.db);
    UpdateSessionDetailsCommand bad(f.db, visit.id, SessionField::OverallPain, "11");
    CHECK_THROWS_AS(bad.apply(), ValidationError);
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("session commands: typing in one field merges into one undo step") {
    Fixture f;
    const Session visit = f.addFullVisit();
    const std::string before = dumpAllTables(f.db);
    UndoStack history;
    for (const char* text : {"F", "Fo", "Foam roller helped"}) {
        history.execute(std::make_unique<UpdateSessionDetailsCommand>(f.db, visit.id,
                                                                      SessionField::Notes, text));
    }
    CHECK(history.undoCount() == 1);
    CHECK(history.undoDescription() == "Change Notes");
    CHECK(SessionRepository(f.db).get(visit.id)->notes == "Foam roller helped");
    history.sealNewest();
    history.execute(
        std::make_unique<UpdateSessionDetailsCommand>(f.db, visit.id, SessionField::Plan, "x"));
    CHECK(history.undoCount() == 2);
    history.undo();
    history.undo();
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("session commands: changing the time keeps the session's own UTC offset") {
    Fixture f;
    const Session visit = f.addFullVisit();
    const std::string before = dumpAllTables(f.db);
    ChangeSessionTimeCommand command(f.db, visit.id, {2026, 3, 12, 17, 45, 0});
    command.apply();
    const auto moved = SessionRepository(f.db).get(visit.id);
    CHECK(moved->startedAt == LocalTimestamp::fromLocal({2026, 3, 12, 17, 45, 0}, 60));
    command.revert();
    CHECK(dumpAllTables(f.db) == before);

    ChangeSessionTimeCommand invalid(f.db, visit.id, {2026, 2, 30, 9, 0, 0});
    CHECK_THROWS_AS(invalid.apply(), ValidationError);
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("session commands: deleting a session keeps its knots, undo restores every row") {
    Fixture f;
    const Session visit = f.addFullVisit();
    const std::string before = dumpAllTables(f.db);

    DeleteSessionCommand command(f.db, visit.id);
    command.apply();
    const std::string after = dumpAllTables(f.db);
    CHECK_FALSE(SessionRepository(f.db).get(visit.id));
    CHECK(f.db.execAndGet("SELECT count(*) FROM knot").getInt() == 1);
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation").getInt() == 0);
    CHECK(f.db.execAndGet("SELECT count(*) FROM treatment").getInt() == 0);
    command.revert();
    CHECK(dumpAllTables(f.db) == before);
    command.apply();
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("session commands: a signed visit is not deleted, by the app or by raw SQL") {
    Fixture f;
    const Session visit = f.addFullVisit();
    f.sign(visit.id);
    const std::string signedDump = dumpAllTables(f.db);
    DeleteSessionCommand command(f.db, visit.id);
    CHECK_THROWS_WITH_AS(command.apply(), doctest::Contains("signed: it stays part of the record"),
                         StoreError);
    CHECK_THROWS_AS(f.db.exec("DELETE FROM session"), sql::Error);
    CHECK(dumpAllTables(f.db) == signedDump);
    // Deleting the whole client is a deliberate act on the client: it still
    // takes the signed visit, its ratings and amendments with it.
    f.db.exec("DELETE FROM client");
    CHECK(f.db.execAndGet("SELECT count(*) FROM session").getInt() == 0);
    CHECK(f.db.execAndGet("SELECT count(*) FROM observation").getInt() == 0);
}

TEST_CASE("signing: a signed visit refuses edits, from the app and from raw SQL") {
    Fixture f;
    const Session visit = f.addFullVisit();
    f.sign(visit.id);
    const std::string signedDump = dumpAllTables(f.db);
    const auto signature = AmendmentRepository(f.db).signature(visit.id);
    REQUIRE(signature);
    CHECK(signature->signedBy == "Dana Lee");

    UpdateSessionDetailsCommand edit(f.db, visit.id, SessionField::Notes, "changed");
    CHECK_THROWS_AS(edit.apply(), StoreError);
    ChangeSessionTimeCommand move(f.db, visit.id, {2026, 3, 1, 9, 0, 0});
    CHECK_THROWS_AS(move.apply(), StoreError);

    for (const char* sql : {
             "UPDATE session SET subjective = 'rewritten'",
             "UPDATE session SET overall_pain = 2",
             "UPDATE session SET started_utc = started_utc + 60",
             "UPDATE session SET signed_utc = NULL, signed_by = NULL",
             "UPDATE session SET signed_by = 'Someone Else'",
             "DELETE FROM session_trigger",
             "INSERT INTO session_trigger SELECT 1, id FROM trigger_cause WHERE code = 'stress'",
         }) {
        CAPTURE(sql);
        CHECK_THROWS_AS(f.db.exec(sql), sql::Error);
    }
    CHECK(dumpAllTables(f.db) == signedDump);
    CHECK_THROWS_AS(f.sign(visit.id), StoreError); // signing twice
    // Unchanged values are no change: a no-op update is fine.
    f.db.exec("UPDATE session SET notes = notes");
}

TEST_CASE("signing: the schema wants the signer and the time together") {
    Fixture f;
    const Session visit = f.addFullVisit();
    CHECK_THROWS_AS(f.db.exec("UPDATE session SET signed_utc = 5"), sql::Error);
    CHECK_THROWS_AS(f.db.exec("UPDATE session SET signed_by = 'Dana Lee'"), sql::Error);
    CHECK_THROWS_AS(AmendmentRepository(f.db).sign(visit.id, {"  ", 5}), ValidationError);
    CHECK_FALSE(AmendmentRepository(f.db).signature(visit.id));
}

TEST_CASE("amendments: the original stays, the latest amendment is what the record shows") {
    Fixture f;
    const Session visit = f.addFullVisit();
    auto amend = [&f](SessionAmendment amendment) {
        amendSession(f.db, amendment);
        return amendment;
    };
    CHECK_THROWS_AS(
        amend({0, visit.id, SessionField::Subjective, "", "x", "Dana Lee", 1773490000, ""}),
        StoreError); // not signed: edit instead
    f.sign(visit.id);

    const SessionAmendment first =
        amend({0, visit.id, SessionField::Subjective, "", "Neck stiff after a long drive",
               "Dana Lee", 1773490000, "wrong cause noted"});
    amend({0, visit.id, SessionField::OverallPain, "", "5", "Dana Lee", 1773490100, ""});
    amend({0, visit.id, SessionField::Subjective, "", "Neck stiff after a long drive home",
           "Dana Lee", 1773490200, ""});

    const Session stored = *SessionRepository(f.db).get(visit.id);
    CHECK(stored.subjective == "Neck stiff after travel"); // as signed
    CHECK(stored.overallPain == 6);
    const auto amendments = AmendmentRepository(f.db).listForSession(visit.id);
    REQUIRE(amendments.size() == 3);
    CHECK(amendments[0].id == first.id);
    CHECK(amendments[0].originalValue == "Neck stiff after travel");
    CHECK(amendments[0].reason == "wrong cause noted");
    CHECK(amendments[1].originalValue == "6");
    CHECK(amendments[2].originalValue == "Neck stiff after a long drive"); // the shown value
    const Session shown = withAmendments(stored, amendments);
    CHECK(shown.subjective == "Neck stiff after a long drive home");
    CHECK(shown.overallPain == 5);

    // An amendment is part of the record: never edited, never deleted.
    const std::string amendedDump = dumpAllTables(f.db);
    CHECK_THROWS_AS(f.db.exec("UPDATE session_amendment SET new_value = 'forged'"), sql::Error);
    CHECK_THROWS_AS(f.db.exec("DELETE FROM session_amendment"), sql::Error);
    CHECK_THROWS_AS(
        amend({0, visit.id, SessionField::Stress, "", "eleven", "Dana Lee", 1773490300, ""}),
        ValidationError);
    CHECK_THROWS_AS(amend({0, visit.id, SessionField::Plan, "", "x", " ", 1773490300, ""}),
                    ValidationError);
    CHECK(dumpAllTables(f.db) == amendedDump);
}

TEST_CASE("signing: an older undo step that would edit the signed visit fails and stays") {
    Fixture f;
    const Session visit = f.addFullVisit();
    UndoStack history;
    history.execute(std::make_unique<UpdateSessionDetailsCommand>(f.db, visit.id,
                                                                  SessionField::Plan, "Stretch"));
    history.sealNewest();
    f.sign(visit.id);
    const std::string signedDump = dumpAllTables(f.db);
    CHECK_THROWS(history.undo());
    CHECK(history.canUndo()); // still there, nothing changed
    CHECK(dumpAllTables(f.db) == signedDump);
}
