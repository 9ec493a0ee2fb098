#include "ui/clients/client_list_actions.h"

#include "store/client_commands.h"

#include <memory>

namespace knotmap::ui {

void applyClientListActions(const ClientListActions& actions, ClientListState& state,
                            Workspace& workspace) {
    sql::Connection& db = workspace.database().sql();
    if (actions.create) {
        auto command = std::make_unique<CreateClientCommand>(db, *actions.create);
        // The stack owns the command from here on; nothing merges into a new
        // client, so it stays alive and holds the id its apply chose.
        const CreateClientCommand* created = command.get();
        workspace.execute(std::move(command),
                          [&state, created] { state.selectedClient = created->clientId(); });
    }
    if (actions.edit) {
        workspace.execute(std::make_unique<EditClientCommand>(db, *actions.edit));
    }
    if (actions.showHistory && state.form) {
        state.form->history =
            readRecordHistory(db, clientHistorySource(*actions.showHistory, actions.historyTitle));
    }
    if (actions.archive) {
        workspace.execute(std::make_unique<ArchiveClientCommand>(db, *actions.archive));
    }
    if (actions.unarchive) {
        workspace.execute(std::make_unique<ArchiveClientCommand>(db, *actions.unarchive, false),
                          [&state, client = *actions.unarchive] { state.selectedClient = client; });
    }
}

} // namespace knotmap::ui
