#pragma once

#include "core/atlas.h"
#include "ui/body_map/body_map_types.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/widgets/notice_banner.h"

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

// Once per frame after everything is drawn: the undo, redo and Delete keys,
// and any store failure shown in the window's notice banner.
void finishKnotLogFrame(KnotLogController& knotLog, NoticeState& notice);

} // namespace knotmap::ui
