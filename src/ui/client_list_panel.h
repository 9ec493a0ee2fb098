#pragma once

#include "core/domain.h"
#include "ui/app_view_model.h"
#include "ui/appearance.h"

#include <optional>
#include <string>

namespace knotmap::ui {

struct ClientListState {
    std::optional<Id> selectedClient;
    std::string search;       // filters the rows as it is typed
    bool focusSearch = false; // Ctrl+F: put the cursor in the search field next frame
    bool showArchived = false;
    // The inline "New client" field, while open.
    std::optional<std::string> newClientName;
    // The client being renamed in place, and the name being typed.
    std::optional<Id> renaming;
    std::string renameText;
    bool focusEditField = false; // an inline field just opened: give it the cursor
    // Why the name in the open field cannot be used, shown beneath it.
    std::string fieldError;
};

// What the user asked the list to change this frame; carried out by
// applyClientListActions (ui/client_list_actions.h) through the undo stack.
struct ClientListActions {
    std::optional<std::string> create;
    std::optional<Id> rename;
    std::string newName; // for rename
    std::optional<Id> archive;
    std::optional<Id> unarchive;
};

// The clients, one selectable row each with their session count, a search
// field, "New client", and the archived clients on request. Fills the current
// window; keeps state.selectedClient pointing at an existing client.
ClientListActions drawClientList(const AppViewModel& model, ClientListState& state,
                                 const Appearance& look);

// The client pane is for people with several clients: an individual (one
// client, therapist mode off) never sees it.
[[nodiscard]] bool clientListWanted(const AppViewModel& model, const ClientListState& state,
                                    bool therapistMode);

// Opens the inline "New client" field (File > New client...).
void startNewClient(ClientListState& state);

} // namespace knotmap::ui
