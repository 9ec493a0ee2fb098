#include "store/client_lookup.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using namespace knotmap;

namespace {

struct Fixture {
    knotmap::testing::TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("knotmap.db"));
    sql::Connection& db = database.sql();

    // Straight through the repository: an older database could hold names
    // that fold alike, as the NOCASE index lets them pass.
    Id add(const std::string& name) {
        Client client;
        client.name = name;
        return ClientRepository(db).add(client);
    }
};

std::string refusal(sql::Connection& db, const std::string& name) {
    try {
        (void)requireClientNamed(db, name, "test.db");
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "(found)";
}

} // namespace

TEST_CASE("--client finds a name typed in any case, with or without accents") {
    Fixture f;
    const Id lukasz = f.add("\u0141ukasz Dvo\u0159\u00E1k");
    const Id anna = f.add("\u0410\u043D\u043D\u0430 \u041F\u0435\u0442\u0440\u043E\u0432\u0430");
    const Id eleni = f.add("\u0395\u03BB\u03AD\u03BD\u03B7");
    CHECK(requireClientNamed(f.db, "\u0142ukasz dvo\u0159\u00E1k", "test.db").id == lukasz);
    CHECK(requireClientNamed(f.db, "LUKASZ DVORAK", "test.db").id == lukasz);
    CHECK(requireClientNamed(f.db,
                             "\u0430\u043D\u043D\u0430 \u043F\u0435\u0442\u0440\u043E\u0432\u0430",
                             "test.db")
              .id == anna);
    CHECK(requireClientNamed(f.db, "\u03B5\u03BB\u03B5\u03BD\u03B7", "test.db").id == eleni);
    CHECK(refusal(f.db, "Lukas") ==
          "no client named 'Lukas' in test.db (clients: '\u0141ukasz Dvo\u0159\u00E1k', "
          "'\u0395\u03BB\u03AD\u03BD\u03B7', '\u0410\u043D\u043D\u0430 "
          "\u041F\u0435\u0442\u0440\u043E\u0432\u0430')");
}

TEST_CASE("two clients folding alike: the exact spelling picks one, anything else is refused") {
    Fixture f;
    const Id plain = f.add("Anna");
    const Id umlaut = f.add("\u00C4nna");
    CHECK(clientsNamed(f.db, "anna").size() == 2);
    CHECK(refusal(f.db, "anna") ==
          "the client name 'anna' matches 2 clients in test.db when case and accents are "
          "ignored ('Anna', '\u00C4nna'): write the name exactly as it is spelled");
    CHECK(requireClientNamed(f.db, "Anna", "test.db").id == plain);
    CHECK(requireClientNamed(f.db, "\u00C4nna", "test.db").id == umlaut);
}

TEST_CASE("a name clash is found across case and accents, except for the client itself") {
    Fixture f;
    const Id zoe = f.add("Zo\u00EB");
    CHECK(clientNameClash(f.db, "ZOE", std::nullopt)->id == zoe);
    CHECK_FALSE(clientNameClash(f.db, "ZOE", zoe).has_value());
    CHECK_FALSE(clientNameClash(f.db, "Zola", std::nullopt).has_value());
}
