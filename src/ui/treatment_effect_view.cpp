#include "core/treatment_effect.h"
#include "ui/bar_chart.h"
#include "ui/history_common.h"
#include "ui/history_views.h"
#include "ui/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// Fewer uses than this are drawn faded: a mean of two says little.
constexpr int kFewUses = 5;

BarRow barRow(const std::string& label, const MeanEstimate& estimate) {
    BarRow row;
    row.label = label;
    row.value = estimate.mean;
    row.ciLow = estimate.lower.value_or(estimate.mean);
    row.ciHigh = estimate.upper.value_or(estimate.mean);
    row.count = estimate.n;
    row.muted = estimate.n < kFewUses;
    return row;
}

// The value axis both charts share, fitted to the rows with enough uses: a
// kind tried twice has an interval so wide it would squash every other bar.
Interval trustedRange(const std::vector<BarRow>& first, const std::vector<BarRow>& second) {
    const auto trusted = [](const std::vector<BarRow>& rows) {
        std::vector<BarRow> kept;
        for (const BarRow& row : rows) {
            BarRow shown = row;
            if (row.muted) {
                shown.ciLow = shown.ciHigh = row.value;
            }
            kept.push_back(shown);
        }
        return kept;
    };
    return sharedBarRange(trusted(first), trusted(second));
}

} // namespace

void drawTreatmentEffectView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                             const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Treatment effect", "", look);
    ImGui::SameLine(0, look.px(16));
    ImGui::SetNextItemWidth(look.px(220));
    ImGui::SliderInt("##lag", &state.lagDays, 0, 14,
                     state.lagDays == 0   ? "next rating: any later session"
                     : state.lagDays == 1 ? "next rating: 1+ day later"
                                          : "next rating: %d+ days later");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("How long after a treatment the knot's next rating must be, to count\n"
                          "as a lasting change rather than the session's own relief");
    }
    savePngButton("treatment-effect", state, look);
    const auto effects = data.effects(client.id, static_cast<double>(state.lagDays));
    if (!effects.value) {
        waitingMessage(effects.error, look);
        return;
    }
    const ImVec2 top = ImGui::GetCursorScreenPos();
    textMuted("These are observations from this log, not a controlled trial: other things changed "
              "too, so read them as hints.",
              look);
    // One row per kind in both charts, in the same (sorted) order, so a row
    // reads across; kinds without data in a chart get no bar there.
    std::vector<BarRow> within;
    std::vector<BarRow> later;
    for (const TreatmentEffect& effect : *effects.value) {
        const std::string label = vocabularyName(input.vocabularies->treatments, effect.kindCode);
        if (effect.withinSession) {
            within.push_back(barRow(label, *effect.withinSession));
        }
        if (effect.toNextObservation) {
            later.push_back(barRow(label, *effect.toNextObservation));
        }
    }
    std::stable_sort(later.begin(), later.end(),
                     [](const BarRow& x, const BarRow& y) { return x.value < y.value; });
    BarChartInput first;
    first.title = "Within the session (after \u2212 before)";
    first.rows = std::move(within);
    BarChartInput second;
    second.title = "To the knot's next rating";
    second.rows = std::move(later);
    const Interval shared = trustedRange(first.rows, second.rows);
    first.valueRange = shared;
    second.valueRange = shared;
    first.valueName = second.valueName = "Mean change in pain";
    const float gap = look.px(20);
    const float width = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    // Rows keep a readable height; the charts take what they need, not the pane.
    const std::size_t rows = std::max(first.rows.size(), second.rows.size());
    const float height =
        std::clamp(look.px(34) * static_cast<float>(rows) + look.px(80), look.px(160),
                   std::max(look.px(160), ImGui::GetContentRegionAvail().y -
                                              ImGui::GetTextLineHeightWithSpacing() * 2));
    (void)barChart("effect-within", first, ImVec2(width, height), look);
    ImGui::SameLine(0, gap);
    (void)barChart("effect-later", second, ImVec2(width, height), look);
    textMuted("Bars: mean change in pain (negative is relief) \u00B7 whiskers: 95% confidence "
              "interval \u00B7 (n): ratings behind the mean \u00B7 faded: fewer than 5",
              look);
    requestPng(top,
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                      ImGui::GetCursorScreenPos().y),
               state);
}

} // namespace knotmap::ui
