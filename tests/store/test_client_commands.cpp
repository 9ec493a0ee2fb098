#include "core/birth_year.h"
#include "core/undo_stack.h"
#include "store/client_commands.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/store_error.h"
#include "store_fixtures.h"
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

    Id addClient(const std::string& name) {
        Client client;
        client.name = name;
        return ClientRepository(db).add(client);
    }
};

} // namespace

TEST_CASE("creating a client is undone and redone under the same id") {
    Fixture f;
    f.addClient("Me");
    const std::string before = dumpAllTables(f.db);
    auto command = std::make_unique<CreateClientCommand>(f.db, "  Ana Souza ");
    CreateClientCommand& create = *command;
    f.stack.execute(std::move(command));
    const std::string after = dumpAllTables(f.db);
    const auto saved = ClientRepository(f.db).get(create.clientId());
    REQUIRE(saved);
    CHECK(saved->name == "Ana Souza"); // trimmed

    f.stack.undo();
    CHECK(dumpAllTables(f.db) == before);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == after);
}

TEST_CASE("a new client's name must be new, ignoring case, and not empty") {
    Fixture f;
    f.addClient("Ana Souza");
    const std::string before = dumpAllTables(f.db);
    try {
        f.stack.execute(std::make_unique<CreateClientCommand>(f.db, "ANA SOUZA"));
        FAIL("a clashing name was accepted");
    } catch (const ValidationError& error) {
        CHECK(std::string(error.what()).find("already exists") != std::string::npos);
    }
    CHECK_THROWS_AS(f.stack.execute(std::make_unique<CreateClientCommand>(f.db, "   ")),
                    ValidationError);
    CHECK(dumpAllTables(f.db) == before);
    CHECK_FALSE(f.stack.canUndo());
}

TEST_CASE("renaming a client: undo, redo, and clashes refused with a clear message") {
    Fixture f;
    const Id ana = f.addClient("Ana");
    f.addClient("Ben");
    const std::string before = dumpAllTables(f.db);

    f.stack.execute(std::make_unique<RenameClientCommand>(f.db, ana, "Ana Souza"));
    const std::string after = dumpAllTables(f.db);
    CHECK(ClientRepository(f.db).get(ana)->name == "Ana Souza");
    f.stack.undo();
    CHECK(dumpAllTables(f.db) == before);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == after);

    SUBCASE("a different case of its own name is fine") {
        f.stack.execute(std::make_unique<RenameClientCommand>(f.db, ana, "ANA SOUZA"));
        CHECK(ClientRepository(f.db).get(ana)->name == "ANA SOUZA");
    }
    SUBCASE("another client's name is refused and nothing changes") {
        try {
            f.stack.execute(std::make_unique<RenameClientCommand>(f.db, ana, "ben"));
            FAIL("a clashing name was accepted");
        } catch (const ValidationError& error) {
            CHECK(std::string(error.what()) ==
                  "A client named \u201C"
                  "Ben\u201D already exists. Names must differ in more than case and accents.");
        }
        CHECK(dumpAllTables(f.db) == after);
    }
}

TEST_CASE("archiving and unarchiving a client are undoable and keep its history") {
    Fixture f;
    const auto sample = knotmap::testing::addSampleHistory(f.database);
    const std::string before = dumpAllTables(f.db);

    f.stack.execute(std::make_unique<ArchiveClientCommand>(f.db, sample.client.id));
    const std::string archived = dumpAllTables(f.db);
    CHECK(ClientRepository(f.db).list().empty());
    CHECK(ClientRepository(f.db).list(true).size() == 1);
    CHECK(f.stack.undoDescription() == "Archive client");

    f.stack.undo();
    CHECK(dumpAllTables(f.db) == before);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == archived);

    f.stack.execute(std::make_unique<ArchiveClientCommand>(f.db, sample.client.id, false));
    CHECK(dumpAllTables(f.db) == before);
    CHECK(f.stack.undoDescription() == "Unarchive client");
    f.stack.undo();
    CHECK(dumpAllTables(f.db) == archived);
}

TEST_CASE("a rename clash names an archived client as archived") {
    Fixture f;
    const Id old = f.addClient("Old friend");
    const Id ana = f.addClient("Ana");
    f.stack.execute(std::make_unique<ArchiveClientCommand>(f.db, old));
    try {
        f.stack.execute(std::make_unique<RenameClientCommand>(f.db, ana, "old FRIEND"));
        FAIL("a clashing name was accepted");
    } catch (const ValidationError& error) {
        CHECK(std::string(error.what()).find("(archived)") != std::string::npos);
    }
}

TEST_CASE("commands on a client that is gone fail without changing anything") {
    Fixture f;
    f.addClient("Me");
    const std::string before = dumpAllTables(f.db);
    CHECK_THROWS_AS(f.stack.execute(std::make_unique<RenameClientCommand>(f.db, 999, "X")),
                    StoreError);
    CHECK_THROWS_AS(f.stack.execute(std::make_unique<ArchiveClientCommand>(f.db, 999)), StoreError);
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("a new client's name must differ in more than case and accents, in any script") {
    Fixture f;
    f.addClient("Łukasz Dvořák");
    f.addClient("Анна Петрова");
    const std::string before = dumpAllTables(f.db);
    // Each would pass the NOCASE index (which folds ASCII only) but names the same person.
    for (const char* clash : {"lukasz dvorak", "ŁUKASZ DVOŘÁK", "анна петрова"}) {
        CAPTURE(clash);
        try {
            f.stack.execute(std::make_unique<CreateClientCommand>(f.db, clash));
            FAIL("a name folding like an existing one was accepted");
        } catch (const ValidationError& error) {
            CHECK(
                std::string(error.what()).find("Names must differ in more than case and accents") !=
                std::string::npos);
        }
    }
    CHECK(dumpAllTables(f.db) == before);
}

TEST_CASE("a client is created with birth year and notes, and edited undoably") {
    Fixture f;
    Client details;
    details.name = " Ewa Nowak ";
    details.birthYear = 1984;
    details.notes = "Desk job.\nLeft-handed.";
    auto command = std::make_unique<CreateClientCommand>(f.db, details);
    CreateClientCommand& create = *command;
    f.stack.execute(std::move(command));
    auto saved = ClientRepository(f.db).get(create.clientId());
    REQUIRE(saved);
    CHECK(saved->name == "Ewa Nowak");
    CHECK(saved->birthYear == 1984);
    CHECK(saved->notes == "Desk job.\nLeft-handed.");
    const std::string created = dumpAllTables(f.db);

    Client edited = *saved;
    edited.birthYear = 1985;
    edited.notes = "Desk job.";
    f.stack.execute(std::make_unique<EditClientCommand>(f.db, edited));
    CHECK(f.stack.undoDescription() == "Edit client");
    CHECK(ClientRepository(f.db).get(saved->id)->birthYear == 1985);
    const std::string afterEdit = dumpAllTables(f.db);
    f.stack.undo();
    CHECK(dumpAllTables(f.db) == created);
    f.stack.redo();
    CHECK(dumpAllTables(f.db) == afterEdit);

    edited.birthYear.reset(); // the birth year may be cleared
    f.stack.execute(std::make_unique<EditClientCommand>(f.db, edited));
    CHECK_FALSE(ClientRepository(f.db).get(saved->id)->birthYear.has_value());
}

TEST_CASE("client details that cannot be saved are refused naming the field") {
    Fixture f;
    const Id ana = f.addClient("Ana");
    f.addClient("Ben");
    const std::string before = dumpAllTables(f.db);
    const auto refused = [&](Client details, const std::string& expected) {
        CAPTURE(expected);
        try {
            if (details.id == 0) {
                f.stack.execute(std::make_unique<CreateClientCommand>(f.db, details));
            } else {
                f.stack.execute(std::make_unique<EditClientCommand>(f.db, details));
            }
            FAIL("the details were accepted");
        } catch (const ValidationError& error) {
            CHECK(std::string(error.what()) == expected);
        }
        CHECK(dumpAllTables(f.db) == before);
    };
    const int nextYear = currentLocalYear() + 1;
    Client future;
    future.name = "Cy";
    future.birthYear = nextYear;
    refused(future, "Birth year: " + std::to_string(nextYear) + " is in the future");
    Client old = future;
    old.birthYear = 1899;
    refused(old, "Birth year: 1899 is before 1900");
    Client clash;
    clash.id = ana;
    clash.name = "b\u00C9N";
    refused(clash, "A client named \u201C"
                   "Ben\u201D already exists. Names must differ in more than case and accents.");
    Client nameless;
    nameless.id = ana;
    nameless.name = "  ";
    refused(nameless, "A client needs a name.");
    Client control;
    control.name = "Dee";
    control.notes = std::string("bell\x07");
    refused(control, "Notes: control character U+0007 at character 5 is not allowed");
}
