#pragma once

#include "ui/front_desk/front_desk_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// Fills the form from client, as shown now (a selection, a save, another
// window's change while nothing was typed).
void fillClientDraft(ClientDraft& draft, const Client& client);

// Name, birth year and contact notes of the draft's client (or a new one),
// with Save (Add client and Cancel for a new one). A save that passes the
// form's own checks becomes state.requests.saveClient / addClient.
void drawFrontDeskClientForm(FrontDeskScreenState& state, float width, const Appearance& look);

} // namespace knotmap::ui
