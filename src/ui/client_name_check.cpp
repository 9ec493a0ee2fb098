#include "ui/client_name_check.h"

#include <algorithm>
#include <cctype>

namespace knotmap::ui {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// The store compares names with SQLite's NOCASE, which folds ASCII only; so does this.
bool sameIgnoringCase(const std::string& a, const std::string& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

} // namespace

std::string clientNameProblem(const AppViewModel& model, const std::string& name,
                              std::optional<Id> except) {
    const std::string wanted = trimmed(name);
    if (wanted.empty()) {
        return "Type a name first.";
    }
    for (const ClientEntry& client : model.clients) {
        // The placeholder "Me" (id 0) is not saved, but the first knot saves it under that name.
        if (client.id != except && sameIgnoringCase(client.name, wanted)) {
            return "\u201C" + client.name + "\u201D is already a client.";
        }
    }
    for (const ArchivedClient& client : model.archivedClients) {
        if (client.id != except && sameIgnoringCase(client.name, wanted)) {
            return "\u201C" + client.name +
                   "\u201D is an archived client: show archived to bring "
                   "them back.";
        }
    }
    return {};
}

} // namespace knotmap::ui
