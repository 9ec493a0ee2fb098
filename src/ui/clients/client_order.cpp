#include "ui/clients/client_order.h"

#include "core/text_search.h"

#include <algorithm>
#include <string>
#include <utility>

namespace knotmap::ui {

void sortClientsForDisplay(std::vector<ClientEntry>& clients) {
    // Each name is folded once, not on every comparison.
    std::vector<std::pair<std::string, ClientEntry>> keyed;
    keyed.reserve(clients.size());
    for (ClientEntry& client : clients) {
        std::string key = foldForSearch(client.name);
        keyed.emplace_back(std::move(key), std::move(client));
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    clients.clear();
    for (auto& [key, client] : keyed) {
        clients.push_back(std::move(client));
    }
}

} // namespace knotmap::ui
