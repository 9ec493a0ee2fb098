#pragma once

#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"

#include <optional>

namespace knotmap::ui {

// What the user did in the timeline this frame.
struct SessionListEvents {
    std::optional<Id> clicked;         // a session row was clicked
    std::optional<SessionKind> create; // "New session" and its kind
};

// The client's name, a "New session" menu and their sessions as a timeline,
// newest first: date, time, kind, overall pain, knots and treatments.
// selected is highlighted; scrollToSelected brings it into view (after the
// arrow keys moved it). Fills the rest of the current window. Without
// canCreate (a read-only database) there is no "New session".
SessionListEvents drawSessionList(const ClientEntry& client, std::optional<Id> selected,
                                  bool scrollToSelected, const Appearance& look,
                                  bool canCreate = true);

// The narrowest width the timeline fits in its compact form without
// scrolling sideways, its scrollbar included: the least a column gives it.
[[nodiscard]] float sessionListMinWidth(const Appearance& look);

} // namespace knotmap::ui
