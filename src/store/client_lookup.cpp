#include "store/client_lookup.h"

#include "core/text_search.h"
#include "store/client_repository.h"

#include <stdexcept>

namespace knotmap {
namespace {

std::string quotedList(const std::vector<Client>& clients) {
    std::string list;
    for (const Client& client : clients) {
        list += (list.empty() ? "'" : ", '") + client.name + "'";
    }
    return list;
}

} // namespace

std::vector<Client> clientsNamed(sql::Connection& db, std::string_view name) {
    std::vector<Client> all = ClientRepository(db).list(true);
    for (Client& client : all) {
        if (client.name == name) {
            return {std::move(client)};
        }
    }
    const std::string wanted = foldForSearch(name);
    std::vector<Client> matches;
    for (Client& client : all) {
        if (foldForSearch(client.name) == wanted) {
            matches.push_back(std::move(client));
        }
    }
    return matches;
}

Client requireClientNamed(sql::Connection& db, std::string_view name, const std::string& where) {
    std::vector<Client> matches = clientsNamed(db, name);
    if (matches.size() == 1) {
        return std::move(matches.front());
    }
    const std::string quoted = "'" + std::string(name) + "'";
    if (matches.size() > 1) {
        throw std::runtime_error("the client name " + quoted + " matches " +
                                 std::to_string(matches.size()) + " clients in " + where +
                                 " when case and accents are ignored (" + quotedList(matches) +
                                 "): write the name exactly as it is spelled");
    }
    const std::vector<Client> all = ClientRepository(db).list(true);
    throw std::runtime_error(
        "no client named " + quoted + " in " + where +
        (all.empty() ? " (it has no clients)" : " (clients: " + quotedList(all) + ")"));
}

std::optional<Client> clientNameClash(sql::Connection& db, std::string_view name,
                                      std::optional<Id> except) {
    const std::string wanted = foldForSearch(name);
    for (Client& client : ClientRepository(db).list(true)) {
        if (client.id != except && foldForSearch(client.name) == wanted) {
            return std::move(client);
        }
    }
    return std::nullopt;
}

} // namespace knotmap
