#include "ui/practice/practice_view.h"

#include "core/text_search.h"
#include "core/text_trim.h"
#include "core/validation.h"

#include <algorithm>
#include <map>

namespace knotmap::ui {

PracticeView buildPracticeView(std::vector<Practitioner> people,
                               const std::vector<ClientAccess>& access,
                               const std::vector<NamedClient>& clients) {
    PracticeView view;
    view.people = std::move(people);
    std::map<Id, std::size_t> rowOf;
    for (const NamedClient& client : clients) {
        rowOf.emplace(client.id, view.clients.size());
        PracticeClientRow row;
        row.id = client.id;
        row.name = client.name;
        row.archived = client.archived;
        view.clients.push_back(std::move(row));
    }
    for (const ClientAccess& entry : access) {
        const auto found = rowOf.find(entry.clientId);
        if (found == rowOf.end()) {
            continue;
        }
        PracticeClientRow& row = view.clients[found->second];
        if (entry.assigned) {
            row.assignedLogin = entry.login;
            row.assignedName = entry.name;
        } else {
            row.shared.push_back(entry);
        }
    }
    for (PracticeClientRow& row : view.clients) {
        std::sort(row.shared.begin(), row.shared.end(),
                  [](const ClientAccess& a, const ClientAccess& b) { return a.name < b.name; });
    }
    return view;
}

bool canHoldClients(const Practitioner& person) {
    return person.enabled && person.role != PracticeRole::FrontDesk;
}

std::vector<const Practitioner*> shareCandidates(const PracticeView& view,
                                                 const PracticeClientRow& client) {
    std::vector<const Practitioner*> candidates;
    for (const Practitioner& person : view.people) {
        const bool sharing =
            std::any_of(client.shared.begin(), client.shared.end(),
                        [&](const ClientAccess& entry) { return entry.login == person.login; });
        if (canHoldClients(person) && person.login != client.assignedLogin && !sharing) {
            candidates.push_back(&person);
        }
    }
    return candidates;
}

std::string newPersonProblem(const std::string& name, const std::string& login,
                             const std::vector<Practitioner>& people) {
    if (isBlank(name)) {
        return "Type the person's name, as their signatures will show it.";
    }
    if (name.size() > kMaxNameBytes) {
        return "The name is too long.";
    }
    if (login.empty()) {
        return "Type the login they will sign in with, e.g. ivy.";
    }
    // A login is also typed into connection settings and ~/.pgpass: plain
    // characters only, within PostgreSQL's 63 bytes, and not the server's own
    // reserved "pg_" names.
    if (login.size() > 63) {
        return "A login has at most 63 characters.";
    }
    const bool plain = std::all_of(login.begin(), login.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == '-';
    });
    if (!plain) {
        return "A login is made of lower-case letters, digits, \u201C.\u201D, \u201C-\u201D and "
               "\u201C_\u201D only.";
    }
    // The server's role is made with the login quoted, so "Ivy" would have to
    // be typed with that case on connecting, where logins are lower case.
    if (std::any_of(login.begin(), login.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return "Logins are lower case: " + lowercaseAscii(login);
    }
    if (login.rfind("pg_", 0) == 0) {
        return "Logins starting with \u201Cpg_\u201D belong to the server.";
    }
    const auto taken = std::find_if(people.begin(), people.end(),
                                    [&](const Practitioner& p) { return p.login == login; });
    if (taken != people.end()) {
        return "\u201C" + login + "\u201D is " + taken->name + "\u2019s login already.";
    }
    return {};
}

} // namespace knotmap::ui
