#include "core/undo_stack.h"
#include "store/database.h"
#include "store/store_error.h"
#include "store/vocabulary_commands.h"
#include "store/vocabulary_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

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

    std::string refusal(Vocabulary vocabulary, const std::string& name) {
        try {
            stack.execute(std::make_unique<AddVocabularyEntryCommand>(db, vocabulary, name));
        } catch (const ValidationError& error) {
            return error.what();
        }
        return "(added)";
    }
};

} // namespace

TEST_CASE("a vocabulary entry folding like another, in any script, is refused") {
    Fixture f;
    VocabularyRepository repository(f.db);
    repository.add(Vocabulary::TreatmentKind, "\u041C\u0430\u0441\u0441\u0430\u0436"); // Массаж
    repository.add(Vocabulary::Symptom, "\u0396\u03AC\u03BB\u03B7");                   // Ζάλη
    const std::string before = dumpAllTables(f.db);

    // The NOCASE index would let these in: it folds ASCII only.
    CHECK(f.refusal(Vocabulary::TreatmentKind, "\u043C\u0430\u0441\u0441\u0430\u0436") ==
          "treatment_kind: '\u043C\u0430\u0441\u0441\u0430\u0436' already exists as "
          "'\u041C\u0430\u0441\u0441\u0430\u0436'; names must differ in more than case and "
          "accents");
    CHECK(f.refusal(Vocabulary::Symptom, "\u03B6\u03B1\u03BB\u03B7") ==
          "symptom: '\u03B6\u03B1\u03BB\u03B7' already exists as '\u0396\u03AC\u03BB\u03B7'; "
          "names must differ in more than case and accents");
    // A built-in entry, with an accent added.
    CHECK(f.refusal(Vocabulary::TreatmentKind, "F\u00F3am roller").find("already exists") !=
          std::string::npos);
    CHECK(dumpAllTables(f.db) == before);
    CHECK_FALSE(f.stack.canUndo());

    // Another vocabulary keeps its own names.
    CHECK(f.refusal(Vocabulary::Trigger, "\u043C\u0430\u0441\u0441\u0430\u0436") == "(added)");
}

TEST_CASE("renaming an entry to a name folding like another is refused; its own is fine") {
    Fixture f;
    VocabularyRepository repository(f.db);
    const VocabularyItem cupping = repository.add(Vocabulary::TreatmentKind, "Fire cupping");
    repository.add(Vocabulary::TreatmentKind, "Bamboo tapping");
    CHECK_THROWS_WITH_AS(
        repository.rename(Vocabulary::TreatmentKind, cupping.id, "BAMBOO T\u00C1PPING"),
        "treatment_kind: 'BAMBOO T\u00C1PPING' already exists as 'Bamboo tapping'; "
        "names must differ in more than case and accents",
        ValidationError);
    repository.rename(Vocabulary::TreatmentKind, cupping.id, "Fire c\u00FCpping");
    CHECK(repository.nameClash(Vocabulary::TreatmentKind, "FIRE CUPPING", std::nullopt)->id ==
          cupping.id);
}
