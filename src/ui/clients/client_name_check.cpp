#include "ui/clients/client_name_check.h"

#include "core/text_search.h"
#include "core/text_trim.h"

namespace knotmap::ui {

std::string clientNameProblem(const AppViewModel& model, const std::string& name,
                              std::optional<Id> except) {
    const std::string wanted(trimmed(name));
    if (wanted.empty()) {
        return "type a name first";
    }
    for (const ClientEntry& client : model.clients) {
        // Folded as the store compares (requireUniqueClientName): case and
        // accents ignored. The placeholder "Me" (id 0) is not saved, but the
        // first knot saves it under that name.
        if (client.id != except && sameWhenFolded(client.name, wanted)) {
            return "\u201C" + client.name +
                   "\u201D is already a client (names must differ in more than case and "
                   "accents)";
        }
    }
    for (const ArchivedClient& client : model.archivedClients) {
        if (client.id != except && sameWhenFolded(client.name, wanted)) {
            return "\u201C" + client.name +
                   "\u201D is an archived client: show archived to bring "
                   "them back";
        }
    }
    return {};
}

} // namespace knotmap::ui
