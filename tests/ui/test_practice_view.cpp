#include "ui/practice/practice_view.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::ui;

namespace {

Practitioner person(const char* login, const char* name, PracticeRole role, bool enabled = true) {
    Practitioner p;
    p.login = login;
    p.name = name;
    p.role = role;
    p.enabled = enabled;
    return p;
}

ClientAccess access(Id client, const char* login, const char* name, bool assigned) {
    ClientAccess a;
    a.clientId = client;
    a.login = login;
    a.name = name;
    a.assigned = assigned;
    return a;
}

std::vector<Practitioner> clinic() {
    return {person("bob", "Bob Lee", PracticeRole::Practitioner),
            person("dana", "Dana Ruiz", PracticeRole::Practitioner),
            person("fran", "Fran Desk", PracticeRole::FrontDesk),
            person("olga", "Olga Owner", PracticeRole::Owner),
            person("sam", "Sam Gone", PracticeRole::Practitioner, false)};
}

} // namespace

TEST_CASE("practice view: each client with whom it is assigned to and shared with") {
    const PracticeView view = buildPracticeView(
        clinic(),
        {access(1, "dana", "Dana Ruiz", true), access(1, "olga", "Olga Owner", false),
         access(1, "bob", "Bob Lee", false), access(2, "bob", "Bob Lee", true),
         access(9, "dana", "Dana Ruiz", true)},
        {{2, "Ann Park", false}, {1, "Vera Nelson", false}, {3, "Old Tom", true}});
    REQUIRE(view.clients.size() == 3);
    CHECK(view.clients[0].name == "Ann Park"); // the order given
    CHECK(view.clients[0].assignedLogin == "bob");
    CHECK(view.clients[0].shared.empty());
    CHECK(view.clients[1].assignedName == "Dana Ruiz");
    REQUIRE(view.clients[1].shared.size() == 2);
    CHECK(view.clients[1].shared[0].login == "bob"); // by name
    CHECK(view.clients[1].shared[1].login == "olga");
    CHECK(view.clients[2].archived);
    CHECK(view.clients[2].assignedLogin.empty());
    CHECK(view.people.size() == 5);
}

TEST_CASE("practice view: a client is offered to enabled owners and practitioners not already "
          "holding it") {
    const PracticeView view = buildPracticeView(
        clinic(), {access(1, "dana", "Dana Ruiz", true), access(1, "bob", "Bob Lee", false)},
        {{1, "Vera Nelson", false}, {2, "Ann Park", false}});
    std::vector<std::string> logins;
    for (const Practitioner* p : shareCandidates(view, view.clients[0])) {
        logins.push_back(p->login);
    }
    CHECK(logins == std::vector<std::string>{"olga"});
    logins.clear();
    for (const Practitioner* p : shareCandidates(view, view.clients[1])) {
        logins.push_back(p->login);
    }
    CHECK(logins == std::vector<std::string>{"bob", "dana", "olga"});
    CHECK_FALSE(canHoldClients(person("fran", "Fran Desk", PracticeRole::FrontDesk)));
    CHECK_FALSE(canHoldClients(person("sam", "Sam Gone", PracticeRole::Practitioner, false)));
    CHECK(canHoldClients(person("olga", "Olga Owner", PracticeRole::Owner)));
}

TEST_CASE("practice view: a new person's name and login are checked before the server is asked") {
    const auto people = clinic();
    CHECK(newPersonProblem("Ivy Chen", "ivy", people).empty());
    CHECK(newPersonProblem("  Ivy Chen ", "ivy.chen-2_b", people).empty());
    CHECK_FALSE(newPersonProblem("   ", "ivy", people).empty());
    CHECK_FALSE(newPersonProblem("Ivy Chen", "", people).empty());
    CHECK_FALSE(newPersonProblem("Ivy Chen", "ivy chen", people).empty());
    CHECK_FALSE(newPersonProblem("Ivy Chen", "ivy\"; DROP", people).empty());
    CHECK_FALSE(newPersonProblem("Ivy Chen", "pg_ivy", people).empty());
    CHECK_FALSE(newPersonProblem("Ivy Chen", std::string(64, 'i'), people).empty());
    CHECK(newPersonProblem("Ivy Chen", std::string(63, 'i'), people).empty());
    CHECK(newPersonProblem("Another Dana", "dana", people) ==
          "\u201Cdana\u201D is Dana Ruiz\u2019s login already.");
}

TEST_CASE("practice view: a login with capitals is refused, naming the lower-case one") {
    // The role is made quoted: "Ivy" would have to be typed so on connecting.
    const auto people = clinic();
    CHECK(newPersonProblem("Ivy Chen", "Ivy", people) == "Logins are lower case: ivy");
    CHECK(newPersonProblem("Ivy Chen", "IVY.chen-2", people) ==
          "Logins are lower case: ivy.chen-2");
    CHECK(newPersonProblem("Ivy Chen", "ivy", people).empty());
}
