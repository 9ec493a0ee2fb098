#pragma once

#include "ui/front_desk/front_desk_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// Between frames, after the records were read: keeps the selection on a
// listed client (else the first) and the form in step with it. A form being
// typed into keeps its text when another window changes the client; its
// save is then refused as a conflict rather than saved over the change, and
// the next Save replaces the version read after that refusal.
void prepareFrontDeskScreen(const FrontDeskData& data, FrontDeskScreenState& state);

// The whole window: a menu bar offering only what the front desk may do
// (New client, Quit, the theme and text size), who is signed in, the client
// list on the left and the selected client's details and visits on the
// right.
void drawFrontDeskScreen(const FrontDeskData& data, FrontDeskScreenState& state,
                         const Appearance& look);

} // namespace knotmap::ui
