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

// Said beside the form while state.draft.conflict holds.
inline constexpr const char* kFrontDeskConflictText =
    "Someone else changed this client while you were typing; your text is still here. Save "
    "again to replace theirs, or Discard to see theirs.";

// Another client, a new one or Quit, as the person asked: at once when the
// form holds nothing typed, else after saving it (the save is requested and
// `to` kept in state.afterSave; a form its own checks refuse stays, saying
// why). A Quit asked again after such a save failed quits without it.
void leaveFrontDeskDraft(FrontDeskScreenState& state, FrontDeskLeave to);

// Does what `to` asks, the form's text saved or not wanted.
void finishFrontDeskLeave(FrontDeskScreenState& state, const FrontDeskLeave& to);

} // namespace knotmap::ui
