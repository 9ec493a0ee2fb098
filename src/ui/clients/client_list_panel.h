#pragma once

#include "core/domain.h"
#include "ui/clients/client_details_dialog.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"

#include <optional>
#include <string>

namespace knotmap::ui {

struct ClientListState {
    std::optional<Id> selectedClient;
    std::string search;       // filters the rows as it is typed
    bool focusSearch = false; // Ctrl+F: put the cursor in the search field next frame
    bool showArchived = false;
    // The "New client" or "Edit client" form, while open.
    std::optional<ClientForm> form;
};

// What the user asked the list to change this frame; carried out by
// applyClientListActions (ui/clients/client_list_actions.h) through the undo stack.
struct ClientListActions {
    std::optional<Client> create; // name, birth year and notes of a new client
    std::optional<Client> edit;   // new details of client edit->id
    std::optional<Id> archive;
    std::optional<Id> unarchive;
    std::optional<Id> showHistory; // of the client edited in the form
    std::string historyTitle;
};

// The clients, one selectable row each with their session count and last
// date, a search field, "New client", and the archived clients on request.
// Double-click or the row's menu edits a client's details. Fills the current
// window; keeps state.selectedClient pointing at an existing client.
ClientListActions drawClientList(const AppViewModel& model, ClientListState& state,
                                 const Appearance& look);

// The client pane is for people with several clients: an individual (one
// client, therapist mode off) never sees it.
[[nodiscard]] bool clientListWanted(const AppViewModel& model, const ClientListState& state,
                                    bool therapistMode);

// Opens the "New client" form (File > New client...).
void startNewClient(ClientListState& state);

// The details form, drawn every frame whether or not the list is shown (an
// individual adds a second client from the File menu); adds to actions what
// the user saved.
void drawClientForm(const AppViewModel& model, ClientListState& state, ClientListActions& actions,
                    const Appearance& look);

} // namespace knotmap::ui
