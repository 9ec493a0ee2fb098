#pragma once

#include "core/domain.h"
#include "core/treatment_effect.h"
#include "ui/charts/bar_chart.h"

#include <vector>

// The rows of the Treatments history view's two bar charts, one per treatment
// kind, each carrying the kind's code so the chart draws the kind's glyph in
// its colour, as the Knot chart and its key do.
namespace knotmap::ui {

// Fewer uses than this are drawn faded: a mean of two says little.
inline constexpr int kFewEffectUses = 5;

struct TreatmentEffectRows {
    std::vector<BarRow> withinSession; // in the order of effects
    std::vector<BarRow> toNextRating;  // most relief first
};

// Rows named from the treatment vocabulary (a kind it lost keeps its code);
// a kind without data for a chart gets no row there.
[[nodiscard]] TreatmentEffectRows
treatmentEffectRows(const std::vector<TreatmentEffect>& effects,
                    const std::vector<VocabularyItem>& treatmentKinds);

} // namespace knotmap::ui
