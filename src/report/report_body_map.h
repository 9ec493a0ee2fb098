#pragma once

#include "report/report_data.h"
#include "report/report_layout.h"

#include <cstddef>

namespace knotmap::report {

// The front and back body maps side by side, drawn as vectors from the
// built-in atlas, each knot a circle in the pain ramp's colour for its latest
// rating in the period, with a pain legend. The first `numberedKnots` knots
// of data.knots (the charted ones) carry their chart's number. figureHeight
// is each figure's height in points (its width is half that).
[[nodiscard]] ReportBlock bodyMapBlock(const ReportData& data, std::size_t numberedKnots,
                                       double figureHeight);

} // namespace knotmap::report
