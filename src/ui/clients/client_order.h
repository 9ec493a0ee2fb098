#pragma once

#include "ui/shell/app_view_model.h"

#include <vector>

namespace knotmap::ui {

// Orders clients by name as a person reads it: ignoring case and accents
// (core/text_search.h), so "Łukasz" sorts among the Ls, not after "Zoë" as
// SQLite's byte-wise NOCASE puts it. Equal folded names keep their order.
void sortClientsForDisplay(std::vector<ClientEntry>& clients);

} // namespace knotmap::ui
