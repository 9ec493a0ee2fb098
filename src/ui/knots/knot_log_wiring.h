#pragma once

#include "core/atlas.h"
#include "ui/body_map/body_map_types.h"
#include "ui/knots/knot_log_controller.h"

#include <optional>

// The seams between the main screen, the body map and the knot log: kept
// here so the main screen only calls them.
namespace knotmap::ui {

// Selection, region picking and the referred-pain highlight for the map.
void fillBodyMapInput(KnotLogController& knotLog, BodyMapInput& input);

// What the map's clicks, drags and Delete do: add a knot (for clientId, or
// for a new "Me" when the database has no client yet), open or log a known
// knot, move or delete it, or toggle a referred region while picking.
void applyKnotLogEvents(const BodyMapEvents& events, std::optional<Id> clientId, const Atlas& atlas,
                        KnotLogController& knotLog);

} // namespace knotmap::ui
