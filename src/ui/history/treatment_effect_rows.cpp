#include "ui/history/treatment_effect_rows.h"

#include "ui/history/history_views.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

BarRow barRow(const std::string& label, const std::string& kindCode, const MeanEstimate& estimate) {
    BarRow row;
    row.label = label;
    row.kindCode = kindCode;
    row.value = estimate.mean;
    row.ciLow = estimate.lower.value_or(estimate.mean);
    row.ciHigh = estimate.upper.value_or(estimate.mean);
    row.count = estimate.n;
    row.muted = estimate.n < kFewEffectUses;
    return row;
}

} // namespace

TreatmentEffectRows treatmentEffectRows(const std::vector<TreatmentEffect>& effects,
                                        const std::vector<VocabularyItem>& treatmentKinds) {
    TreatmentEffectRows rows;
    for (const TreatmentEffect& effect : effects) {
        const std::string label = vocabularyName(treatmentKinds, effect.kindCode);
        if (effect.withinSession) {
            rows.withinSession.push_back(barRow(label, effect.kindCode, *effect.withinSession));
        }
        if (effect.toNextObservation) {
            rows.toNextRating.push_back(barRow(label, effect.kindCode, *effect.toNextObservation));
        }
    }
    std::stable_sort(rows.toNextRating.begin(), rows.toNextRating.end(),
                     [](const BarRow& x, const BarRow& y) { return x.value < y.value; });
    return rows;
}

} // namespace knotmap::ui
