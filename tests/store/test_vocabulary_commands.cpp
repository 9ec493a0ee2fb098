#include "core/undo_stack.h"
#include "store/database.h"
#include "store/observation_repository.h"
#include "store/store_error.h"
#include "store/vocabulary_commands.h"
#include "store/vocabulary_repository.h"
#include "store_fixtures.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>

using namespace knotmap;
using knotmap::testing::dumpAllTables;

namespace {

struct Fixture {
    knotmap::testing::TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("knotmap.db"));
    sql::Connection& db = database.sql();
    UndoStack stack;

    // The command that executed last, e.g. to read the id an add chose.
    template <typename CommandType, typename... Args>
    CommandType& run(Args&&... args) {
        auto command = std::make_unique<CommandType>(db, std::forward<Args>(args)...);
        CommandType& kept = *command;
        stack.execute(std::move(command));
        return kept;
    }

    VocabularyItem builtIn(Vocabulary vocabulary, const std::string& code) {
        for (const VocabularyItem& item : VocabularyRepository(db).list(vocabulary, true)) {
            if (item.code == code) {
                return item;
            }
        }
        FAIL("no built-in entry " << code);
        return {};
    }
};

bool offered(sql::Connection& db, Vocabulary vocabulary, const std::string& name) {
    const auto items = VocabularyRepository(db).list(vocabulary);
    return std::any_of(items.begin(), items.end(),
                       [&](const VocabularyItem& item) { return item.name == name; });
}

} // namespace

TEST_CASE("adding a custom entry to each vocabulary is undone and redone exactly") {
    for (const Vocabulary vocabulary :
         {Vocabulary::Symptom, Vocabulary::TreatmentKind, Vocabulary::Trigger}) {
        CAPTURE(tableName(vocabulary));
        Fixture f;
        const std::string before = dumpAllTables(f.db);
        const auto& add = f.run<AddVocabularyEntryCommand>(vocabulary, "Jaw clenching");
        const std::string after = dumpAllTables(f.db);
        CHECK(add.item().code == "custom_jaw_clenching");
        CHECK_FALSE(add.item().builtin);
        CHECK(offered(f.db, vocabulary, "Jaw clenching"));
        CHECK(f.stack.undoDescription() == std::string("Add ") + vocabularyNoun(vocabulary));

        f.stack.undo();
        CHECK(dumpAllTables(f.db) == before);
        f.stack.redo();
        CHECK(dumpAllTables(f.db) == after);
    }
}

TEST_CASE("a new entry's name must be new within its vocabulary, ignoring case") {
    Fixture f;
    const std::string before = dumpAllTables(f.db);
    CHECK_THROWS_AS(f.run<AddVocabularyEntryCommand>(Vocabulary::TreatmentKind, "HEAT"),
                    ValidationError);
    CHECK_THROWS_AS(f.run<AddVocabularyEntryCommand>(Vocabulary::Symptom, "  "), ValidationError);
    CHECK(dumpAllTables(f.db) == before);
    CHECK_FALSE(f.stack.canUndo());
    // The same name in another vocabulary is a different thing.
    f.run<AddVocabularyEntryCommand>(Vocabulary::Trigger, "Heat");
    CHECK(offered(f.db, Vocabulary::Trigger, "Heat"));
}

TEST_CASE("renaming an entry, built-in or custom, is undoable") {
    Fixture f;
    const VocabularyItem heat = f.builtIn(Vocabulary::TreatmentKind, "heat");
    const std::string before = dumpAllTables(f.db);
    f.run<RenameVocabularyEntryCommand>(Vocabulary::TreatmentKind, heat.id, "Heat pack");
    const std::string after = dumpAllTables(f.db);
    CHECK(offered(f.db, Vocabulary::TreatmentKind, "Heat pack"));
    CHECK(f.builtIn(Vocabulary::TreatmentKind, "heat").name == "Heat pack"); // code stays
    f.stack.undo();
    CHECK(dumpAllTables(f.db) == before);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == after);

    SUBCASE("a clash with another entry is refused") {
        CHECK_THROWS_AS(
            f.run<RenameVocabularyEntryCommand>(Vocabulary::TreatmentKind, heat.id, "ice"),
            ValidationError);
        CHECK(dumpAllTables(f.db) == after);
    }
    SUBCASE("an entry that is gone is reported") {
        CHECK_THROWS_AS(f.run<RenameVocabularyEntryCommand>(Vocabulary::TreatmentKind, 9999, "X"),
                        StoreError);
    }
}

TEST_CASE("a hidden symptom is no longer offered but stays on old records") {
    Fixture f;
    const auto sample = knotmap::testing::addSampleHistory(f.database);
    const auto& add = f.run<AddVocabularyEntryCommand>(Vocabulary::Symptom, "Throbbing");
    Observation observation;
    observation.sessionId = sample.session.id;
    observation.knotId = sample.knot.id;
    observation.pain = 6;
    observation.symptomCodes = {add.item().code};
    ObservationRepository(f.db).add(observation);
    const std::string before = dumpAllTables(f.db);

    f.run<HideVocabularyEntryCommand>(Vocabulary::Symptom, add.item().id);
    const std::string hidden = dumpAllTables(f.db);
    CHECK(f.stack.undoDescription() == "Hide symptom");
    CHECK_FALSE(offered(f.db, Vocabulary::Symptom, "Throbbing"));
    // The record still names it, and the name can still be looked up for display.
    CHECK(ObservationRepository(f.db).get(observation.id)->symptomCodes ==
          std::vector<std::string>{add.item().code});
    const auto shown = findVocabularyItem(f.db, Vocabulary::Symptom, add.item().id);
    REQUIRE(shown);
    CHECK(shown->name == "Throbbing");
    CHECK(shown->hidden);

    f.stack.undo();
    CHECK(dumpAllTables(f.db) == before);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == hidden);

    f.run<HideVocabularyEntryCommand>(Vocabulary::Symptom, add.item().id, false);
    CHECK(dumpAllTables(f.db) == before);
    CHECK(f.stack.undoDescription() == "Show symptom");

    SUBCASE("undoing the add of an entry in use is refused, leaving everything as it was") {
        UndoStack lone;
        auto command =
            std::make_unique<AddVocabularyEntryCommand>(f.db, Vocabulary::Symptom, "Pulsing");
        const AddVocabularyEntryCommand& pulsing = *command;
        lone.execute(std::move(command));
        ObservationRepository observations(f.db);
        Observation used = *observations.get(observation.id);
        used.symptomCodes.push_back(pulsing.item().code);
        observations.update(used);
        const std::string inUse = dumpAllTables(f.db);
        CHECK_THROWS(lone.undo());
        CHECK(dumpAllTables(f.db) == inUse);
    }
}
