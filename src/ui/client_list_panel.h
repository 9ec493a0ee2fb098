#pragma once

#include "core/domain.h"
#include "ui/app_view_model.h"
#include "ui/appearance.h"

#include <optional>

namespace knotmap::ui {

struct ClientListState {
    std::optional<Id> selectedClient;
};

// The clients, one selectable row each with their session count. Fills the
// current window; keeps state.selectedClient pointing at an existing client.
void drawClientList(const AppViewModel& model, ClientListState& state, const Appearance& look);

} // namespace knotmap::ui
