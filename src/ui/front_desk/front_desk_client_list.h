#pragma once

#include "ui/front_desk/front_desk_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The left side: "Clients N", a search box, a row per client (archived ones
// behind "Show archived") and "+ New client". A click selects.
void drawFrontDeskClientList(const FrontDeskData& data, FrontDeskScreenState& state,
                             const Appearance& look);

// Opens the form for a new client on the right, named after the search
// when one is typed (File > New client… and the button below the list).
void startFrontDeskNewClient(FrontDeskScreenState& state);

} // namespace knotmap::ui
