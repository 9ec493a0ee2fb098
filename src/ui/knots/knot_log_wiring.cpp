#include "ui/knots/knot_log_wiring.h"

namespace knotmap::ui {

void fillBodyMapInput(KnotLogController& knotLog, BodyMapInput& input) {
    input.selectedKnot = knotLog.selectedKnot();
    input.pickingRegions = knotLog.pickingRegions();
    input.highlightedRegions = knotLog.referredRegions();
}

void applyKnotLogEvents(const BodyMapEvents& events, std::optional<Id> clientId, const Atlas& atlas,
                        KnotLogController& knotLog) {
    if (events.regionPicked) {
        const auto index = static_cast<std::size_t>(*events.regionPicked);
        if (index < atlas.regions().size()) {
            knotLog.toggleReferredRegion(atlas.regions()[index].code);
        }
    }
    if (events.clickedBody) {
        const BodyClick& click = *events.clickedBody;
        knotLog.addKnot(clientId, click.view, {click.point.x, click.point.y}, click.regionCode);
    }
    if (events.clickedKnot && *events.clickedKnot > 0) { // not a knot still being saved
        knotLog.logKnot(*events.clickedKnot);
    }
    if (events.knotMoved && events.knotMoved->knotId > 0) {
        const KnotMove& move = *events.knotMoved;
        knotLog.moveKnot(move.knotId, {move.point.x, move.point.y}, move.regionCode);
    }
    if (events.deleteRequested && *events.deleteRequested > 0) {
        knotLog.deleteKnot(*events.deleteRequested);
    }
    if (events.clickedBackground && !knotLog.pickingRegions()) {
        knotLog.closeEditor();
    }
}

} // namespace knotmap::ui
