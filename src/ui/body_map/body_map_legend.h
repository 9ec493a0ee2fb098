#pragma once

#include "ui/style/appearance.h"

namespace knotmap::ui {

// The pain scale as eleven swatches, 0 to 10, grouped into the mild (1-3),
// moderate (4-6) and severe (7-10) bands of the numeric rating scale, in the
// same ramp as the markers and region heat. Optionally a key for resolved
// knots. Drawn at the cursor; advances it by painLegendHeight().
void drawPainLegend(bool showResolvedKey, const Appearance& look);

[[nodiscard]] float painLegendHeight(const Appearance& look);

} // namespace knotmap::ui
